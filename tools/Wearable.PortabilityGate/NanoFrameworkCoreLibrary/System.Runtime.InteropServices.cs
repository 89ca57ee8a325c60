// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System.Runtime.InteropServices
{
    [System.AttributeUsageAttribute((System.AttributeTargets)(5597), Inherited = false)]
    public sealed class ComVisibleAttribute : System.Attribute
    {
        public ComVisibleAttribute(bool visibility) => throw null!;
        public bool Value { get => throw null!; }
        internal ComVisibleAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(5149), Inherited = false)]
    public sealed class GuidAttribute : System.Attribute
    {
        public GuidAttribute(string guid) => throw null!;
        public string Value { get => throw null!; }
        internal GuidAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(2048))]
    public sealed class OutAttribute : System.Attribute
    {
        public OutAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(12), Inherited = false)]
    public sealed class StructLayoutAttribute : System.Attribute
    {
        public int Pack;
        public int Size;
        public System.Runtime.InteropServices.CharSet CharSet;
        public StructLayoutAttribute(System.Runtime.InteropServices.LayoutKind layoutKind) => throw null!;
        public StructLayoutAttribute(short layoutKind) => throw null!;
        public System.Runtime.InteropServices.LayoutKind Value { get => throw null!; }
        internal StructLayoutAttribute() { }
    }

    public enum CharSet
    {
        None = 1,
        Ansi = 2,
        Unicode = 3,
        Auto = 4,
    }

    public enum LayoutKind
    {
        Sequential = 0,
        Explicit = 2,
        Auto = 3,
    }
}
