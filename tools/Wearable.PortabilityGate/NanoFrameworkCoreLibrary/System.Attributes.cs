// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System
{
    [System.AttributeUsageAttribute((System.AttributeTargets)(16383))]
    public abstract class Attribute
    {
        protected Attribute() => throw null!;
    }

    [System.FlagsAttribute]
    public enum AttributeTargets
    {
        Assembly = 1,
        Module = 2,
        Class = 4,
        Struct = 8,
        Enum = 16,
        Constructor = 32,
        Method = 64,
        Property = 128,
        Field = 256,
        Event = 512,
        Interface = 1024,
        Parameter = 2048,
        Delegate = 4096,
        ReturnValue = 8192,
        All = 16383,
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(4))]
    public sealed class AttributeUsageAttribute : System.Attribute
    {
        public AttributeUsageAttribute(System.AttributeTargets validOn) => throw null!;
        public System.AttributeTargets ValidOn { get => throw null!; }
        public bool AllowMultiple { get => throw null!; set => throw null!; }
        public bool Inherited { get => throw null!; set => throw null!; }
        internal AttributeUsageAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(16383))]
    public sealed class CLSCompliantAttribute : System.Attribute
    {
        public CLSCompliantAttribute(bool isCompliant) => throw null!;
        public bool IsCompliant { get => throw null!; }
        internal CLSCompliantAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(16))]
    public class FlagsAttribute : System.Attribute
    {
        public FlagsAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(256))]
    public sealed class NonSerializedAttribute : System.Attribute
    {
        public NonSerializedAttribute() => throw null!;
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(6140), Inherited = false)]
    public sealed class ObsoleteAttribute : System.Attribute
    {
        public ObsoleteAttribute() => throw null!;
        public ObsoleteAttribute(string message) => throw null!;
        public ObsoleteAttribute(string message, bool error) => throw null!;
        public string Message { get => throw null!; }
        public bool IsError { get => throw null!; }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(2048))]
    public sealed class ParamArrayAttribute : System.Attribute
    {
        public ParamArrayAttribute() => throw null!;
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(4124), Inherited = false)]
    public sealed class SerializableAttribute : System.Attribute
    {
        public SerializableAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(64))]
    public sealed class MTAThreadAttribute : System.Attribute
    {
        public MTAThreadAttribute() => throw null!;
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(64))]
    public sealed class STAThreadAttribute : System.Attribute
    {
        public STAThreadAttribute() => throw null!;
    }
}

namespace System.Runtime.Versioning
{
    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class TargetFrameworkAttribute : System.Attribute
    {
        public TargetFrameworkAttribute(string frameworkName) => throw null!;
        public string FrameworkName { get => throw null!; }
        public string FrameworkDisplayName { get => throw null!; set => throw null!; }
        internal TargetFrameworkAttribute() { }
    }
}
