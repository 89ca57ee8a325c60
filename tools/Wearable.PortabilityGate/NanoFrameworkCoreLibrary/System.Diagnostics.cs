// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System.Diagnostics
{
    [System.AttributeUsageAttribute((System.AttributeTargets)(64), AllowMultiple = true)]
    public sealed class ConditionalAttribute : System.Attribute
    {
        public ConditionalAttribute(string conditionString) => throw null!;
        public string ConditionString { get => throw null!; }
        internal ConditionalAttribute() { }
    }

    public static class Debug
    {
        public static void Assert(bool condition) => throw null!;
        public static void Assert(bool condition, string message) => throw null!;
        public static void Assert(bool condition, string message, string detailedMessage) => throw null!;
        public static void Write(string message) => throw null!;
        public static void WriteLine() => throw null!;
        public static void WriteLine(string message) => throw null!;
    }

    public static class Debugger
    {
        public static bool IsAttached { get => throw null!; }
        public static void Break() => throw null!;
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(3))]
    public sealed class DebuggableAttribute : System.Attribute
    {
        public DebuggableAttribute(bool isJITTrackingEnabled, bool isJITOptimizerDisabled) => throw null!;
        public DebuggableAttribute(System.Diagnostics.DebuggableAttribute.DebuggingModes modes) => throw null!;
        public bool IsJITTrackingEnabled { get => throw null!; }
        public bool IsJITOptimizerDisabled { get => throw null!; }
        public System.Diagnostics.DebuggableAttribute.DebuggingModes DebuggingFlags { get => throw null!; }
        [System.FlagsAttribute]
        public enum DebuggingModes
        {
            None = 0,
            Default = 1,
            DisableOptimizations = 256,
            IgnoreSymbolStoreSequencePoints = 2,
            EnableEditAndContinue = 4,
        }
        internal DebuggableAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(384))]
    public sealed class DebuggerBrowsableAttribute : System.Attribute
    {
        public DebuggerBrowsableAttribute(System.Diagnostics.DebuggerBrowsableState state) => throw null!;
        public System.Diagnostics.DebuggerBrowsableState State { get => throw null!; }
        internal DebuggerBrowsableAttribute() { }
    }

    public enum DebuggerBrowsableState
    {
        Never = 0,
        Collapsed = 2,
        RootHidden = 3,
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(4509), AllowMultiple = true)]
    public sealed class DebuggerDisplayAttribute : System.Attribute
    {
        public DebuggerDisplayAttribute(string value) => throw null!;
        public string Value { get => throw null!; }
        public string Name { get => throw null!; set => throw null!; }
        public string Type { get => throw null!; set => throw null!; }
        public System.Type Target { get => throw null!; set => throw null!; }
        public string TargetTypeName { get => throw null!; set => throw null!; }
        internal DebuggerDisplayAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(224), Inherited = false)]
    public sealed class DebuggerHiddenAttribute : System.Attribute
    {
        public DebuggerHiddenAttribute() => throw null!;
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(236), Inherited = false)]
    public sealed class DebuggerNonUserCodeAttribute : System.Attribute
    {
        public DebuggerNonUserCodeAttribute() => throw null!;
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(96), Inherited = false)]
    public sealed class DebuggerStepperBoundaryAttribute : System.Attribute
    {
        public DebuggerStepperBoundaryAttribute() => throw null!;
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(108), Inherited = false)]
    public sealed class DebuggerStepThroughAttribute : System.Attribute
    {
        public DebuggerStepThroughAttribute() => throw null!;
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(13), AllowMultiple = true)]
    public sealed class DebuggerTypeProxyAttribute : System.Attribute
    {
        public DebuggerTypeProxyAttribute(System.Type type) => throw null!;
        public DebuggerTypeProxyAttribute(string typeName) => throw null!;
        public string ProxyTypeName { get => throw null!; }
        public System.Type Target { get => throw null!; set => throw null!; }
        public string TargetTypeName { get => throw null!; set => throw null!; }
        internal DebuggerTypeProxyAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(96), Inherited = false)]
    public sealed class NativeProfiledAttribute : System.Attribute
    {
        public NativeProfiledAttribute() { }
    }
}

namespace System.Diagnostics.CodeAnalysis
{
    [System.AttributeUsageAttribute((System.AttributeTargets)(2432), Inherited = false)]
    public sealed class AllowNullAttribute : System.Attribute
    {
        public AllowNullAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(2432), Inherited = false)]
    public sealed class DisallowNullAttribute : System.Attribute
    {
        public DisallowNullAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(64), Inherited = false)]
    public sealed class DoesNotReturnAttribute : System.Attribute
    {
        public DoesNotReturnAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(2048), Inherited = false)]
    public sealed class DoesNotReturnIfAttribute : System.Attribute
    {
        public DoesNotReturnIfAttribute(bool parameterValue) => throw null!;
        public bool ParameterValue { get => throw null!; }
        internal DoesNotReturnIfAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(10624), Inherited = false)]
    public sealed class MaybeNullAttribute : System.Attribute
    {
        public MaybeNullAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(2048), Inherited = false)]
    public sealed class MaybeNullWhenAttribute : System.Attribute
    {
        public MaybeNullWhenAttribute(bool returnValue) => throw null!;
        public bool ReturnValue { get => throw null!; }
        internal MaybeNullWhenAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(192), Inherited = false, AllowMultiple = true)]
    public sealed class MemberNotNullAttribute : System.Attribute
    {
        public MemberNotNullAttribute(string member) => throw null!;
        public MemberNotNullAttribute(params string[] members) => throw null!;
        public string[] Members { get => throw null!; }
        internal MemberNotNullAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(192), Inherited = false, AllowMultiple = true)]
    public sealed class MemberNotNullWhenAttribute : System.Attribute
    {
        public MemberNotNullWhenAttribute(bool returnValue, string member) => throw null!;
        public MemberNotNullWhenAttribute(bool returnValue, params string[] members) => throw null!;
        public bool ReturnValue { get => throw null!; }
        public string[] Members { get => throw null!; }
        internal MemberNotNullWhenAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(10624), Inherited = false)]
    public sealed class NotNullAttribute : System.Attribute
    {
        public NotNullAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(10368), AllowMultiple = true, Inherited = false)]
    public sealed class NotNullIfNotNullAttribute : System.Attribute
    {
        public NotNullIfNotNullAttribute(string parameterName) => throw null!;
        public string ParameterName { get => throw null!; }
        internal NotNullIfNotNullAttribute() { }
    }

    public sealed class NotNullWhenAttribute : System.Attribute
    {
        public NotNullWhenAttribute(bool returnValue) => throw null!;
        public bool ReturnValue { get => throw null!; }
        internal NotNullWhenAttribute() { }
    }
}
