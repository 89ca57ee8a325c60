// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System.Runtime.CompilerServices
{
    [System.AttributeUsageAttribute((System.AttributeTargets)(256))]
    public sealed class AccessedThroughPropertyAttribute : System.Attribute
    {
        public AccessedThroughPropertyAttribute(string propertyName) => throw null!;
        public string PropertyName { get => throw null!; }
        internal AccessedThroughPropertyAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(2048), AllowMultiple = false, Inherited = false)]
    public sealed class CallerArgumentExpressionAttribute : System.Attribute
    {
        public CallerArgumentExpressionAttribute(string parameterName) => throw null!;
        public string ParameterName { get => throw null!; }
        internal CallerArgumentExpressionAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(2048), Inherited = false)]
    public sealed class CallerMemberNameAttribute : System.Attribute
    {
        public CallerMemberNameAttribute() => throw null!;
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(28), AllowMultiple = false, Inherited = true)]
    public class ExcludeTypeAttribute : System.Attribute
    {
        public ExcludeTypeAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(69))]
    public sealed class ExtensionAttribute : System.Attribute
    {
        public ExtensionAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(128))]
    public sealed class IndexerNameAttribute : System.Attribute
    {
        public IndexerNameAttribute(string indexerName) => throw null!;
        internal IndexerNameAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1), AllowMultiple = true)]
    public sealed class InternalsVisibleToAttribute : System.Attribute
    {
        public InternalsVisibleToAttribute(string assemblyName) => throw null!;
        public string AssemblyName { get => throw null!; }
        internal InternalsVisibleToAttribute() { }
    }

    public static class IsExternalInit
    {
    }

    public enum MethodCodeType
    {
        IL = 0,
        Native = 1,
        OPTIL = 2,
        Runtime = 3,
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(96), Inherited = false)]
    public sealed class MethodImplAttribute : System.Attribute
    {
        public System.Runtime.CompilerServices.MethodCodeType MethodCodeType;
        public MethodImplAttribute(System.Runtime.CompilerServices.MethodImplOptions methodImplOptions) => throw null!;
        public MethodImplAttribute(short _value) => throw null!;
        public MethodImplAttribute() => throw null!;
        public System.Runtime.CompilerServices.MethodImplOptions Value { get => throw null!; }
    }

    public enum MethodImplOptions
    {
        Unmanaged = 4,
        ForwardRef = 16,
        PreserveSig = 128,
        InternalCall = 4096,
        Synchronized = 32,
        NoInlining = 8,
    }

    public static class RuntimeFeature
    {
        public const string DefaultImplementationsOfInterfaces = "DefaultImplementationsOfInterfaces";
        public static bool IsSupported(string feature) => throw null!;
    }

    public static class RuntimeHelpers
    {
        public static int OffsetToStringData { get => throw null!; }
        public static void InitializeArray(System.Array array, System.RuntimeFieldHandle fldHandle) => throw null!;
        public static object GetObjectValue(object obj) => throw null!;
        public static void RunClassConstructor(System.RuntimeTypeHandle type) => throw null!;
    }
}
