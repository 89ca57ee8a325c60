// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System.Reflection
{
    public class Assembly
    {
        public Assembly() { }
        public virtual string FullName { get => throw null!; }
        public static System.Reflection.Assembly GetExecutingAssembly() => throw null!;
        public System.Reflection.AssemblyName GetName() => throw null!;
        public static System.Reflection.Assembly GetAssembly(System.Type type) => throw null!;
        public virtual System.Type GetType(string name) => throw null!;
        public virtual System.Type GetType(string name, bool throwOnError) => throw null!;
        public virtual System.Type[] GetTypes() => throw null!;
        public System.Reflection.Assembly GetSatelliteAssembly(System.Globalization.CultureInfo culture) => throw null!;
        public static System.Reflection.Assembly Load(string assemblyString) => throw null!;
        public static System.Reflection.Assembly Load(byte[] rawAssembly) => throw null!;
    }

    public sealed class AssemblyName
    {
        public string Name { get => throw null!; }
        public string FullName { get => throw null!; }
        public System.Version Version { get => throw null!; }
        internal AssemblyName() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyCultureAttribute : System.Attribute
    {
        public AssemblyCultureAttribute(string culture) => throw null!;
        public string Culture { get => throw null!; }
        internal AssemblyCultureAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyDelaySignAttribute : System.Attribute
    {
        public AssemblyDelaySignAttribute(bool delaySign) => throw null!;
        public bool DelaySign { get => throw null!; }
        internal AssemblyDelaySignAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyFileVersionAttribute : System.Attribute
    {
        public AssemblyFileVersionAttribute(string version) => throw null!;
        public string Version { get => throw null!; }
        internal AssemblyFileVersionAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyFlagsAttribute : System.Attribute
    {
        public AssemblyFlagsAttribute(uint flags) => throw null!;
        public AssemblyFlagsAttribute(System.Reflection.AssemblyNameFlags assemblyFlags) => throw null!;
        public uint Flags { get => throw null!; }
        internal AssemblyFlagsAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyKeyFileAttribute : System.Attribute
    {
        public AssemblyKeyFileAttribute(string keyFile) => throw null!;
        public string KeyFile { get => throw null!; }
        internal AssemblyKeyFileAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyKeyNameAttribute : System.Attribute
    {
        public AssemblyKeyNameAttribute(string keyName) => throw null!;
        public string KeyName { get => throw null!; }
        internal AssemblyKeyNameAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(5), Inherited = false)]
    public sealed class AssemblyNativeVersionAttribute : System.Attribute
    {
        public AssemblyNativeVersionAttribute(string version) => throw null!;
        public string NativeVersion { get => throw null!; }
        internal AssemblyNativeVersionAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyVersionAttribute : System.Attribute
    {
        public AssemblyVersionAttribute(string version) => throw null!;
        public string Version { get => throw null!; }
        internal AssemblyVersionAttribute() { }
    }

    [System.FlagsAttribute]
    public enum AssemblyNameFlags
    {
        None = 0,
        PublicKey = 1,
        EnableJITcompileOptimizer = 16384,
        EnableJITcompileTracking = 32768,
        Retargetable = 256,
    }

    public enum ProcessorArchitecture
    {
        None = 0,
        MSIL = 1,
        X86 = 2,
        IA64 = 3,
        Amd64 = 4,
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyCompanyAttribute : System.Attribute
    {
        public AssemblyCompanyAttribute(string company) => throw null!;
        public string Company { get => throw null!; }
        internal AssemblyCompanyAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyConfigurationAttribute : System.Attribute
    {
        public AssemblyConfigurationAttribute(string configuration) => throw null!;
        public string Configuration { get => throw null!; }
        internal AssemblyConfigurationAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyCopyrightAttribute : System.Attribute
    {
        public AssemblyCopyrightAttribute(string copyright) => throw null!;
        public string Copyright { get => throw null!; }
        internal AssemblyCopyrightAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyDefaultAliasAttribute : System.Attribute
    {
        public AssemblyDefaultAliasAttribute(string defaultAlias) => throw null!;
        public string DefaultAlias { get => throw null!; }
        internal AssemblyDefaultAliasAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyDescriptionAttribute : System.Attribute
    {
        public AssemblyDescriptionAttribute(string description) => throw null!;
        public string Description { get => throw null!; }
        internal AssemblyDescriptionAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyInformationalVersionAttribute : System.Attribute
    {
        public AssemblyInformationalVersionAttribute(string informationalVersion) => throw null!;
        public string InformationalVersion { get => throw null!; }
        internal AssemblyInformationalVersionAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyProductAttribute : System.Attribute
    {
        public AssemblyProductAttribute(string product) => throw null!;
        public string Product { get => throw null!; }
        internal AssemblyProductAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyTitleAttribute : System.Attribute
    {
        public AssemblyTitleAttribute(string title) => throw null!;
        public string Title { get => throw null!; }
        internal AssemblyTitleAttribute() { }
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1))]
    public sealed class AssemblyTrademarkAttribute : System.Attribute
    {
        public AssemblyTrademarkAttribute(string trademark) => throw null!;
        public string Trademark { get => throw null!; }
        internal AssemblyTrademarkAttribute() { }
    }

    public abstract class Binder
    {
        protected Binder() { }
    }

    [System.FlagsAttribute]
    public enum BindingFlags
    {
        Default = 0,
        IgnoreCase = 1,
        DeclaredOnly = 2,
        Instance = 4,
        Static = 8,
        Public = 16,
        NonPublic = 32,
        FlattenHierarchy = 64,
        InvokeMethod = 256,
        CreateInstance = 512,
        GetField = 1024,
        SetField = 2048,
        GetProperty = 4096,
        SetProperty = 8192,
        PutDispProperty = 16384,
        PutRefDispProperty = 32768,
        ExactBinding = 65536,
        SuppressChangeType = 131072,
        OptionalParamBinding = 262144,
        IgnoreReturn = 16777216,
    }

    public abstract class ConstructorInfo : System.Reflection.MethodBase
    {
        protected ConstructorInfo() { }
        public override System.Reflection.MemberTypes MemberType { get => throw null!; }
        public object Invoke(object[] parameters) => throw null!;
        public override object[] GetCustomAttributes(bool inherit) => throw null!;
    }

    [System.AttributeUsageAttribute((System.AttributeTargets)(1036))]
    public sealed class DefaultMemberAttribute : System.Attribute
    {
        public DefaultMemberAttribute(string memberName) => throw null!;
        public string MemberName { get => throw null!; }
        internal DefaultMemberAttribute() { }
    }

    public abstract class FieldInfo : System.Reflection.MemberInfo
    {
        protected FieldInfo() { }
        public override System.Reflection.MemberTypes MemberType { get => throw null!; }
        public abstract System.Type FieldType { get; }
        public abstract object GetValue(object obj);
        public virtual void SetValue(object obj, object value) => throw null!;
        public override object[] GetCustomAttributes(bool inherit) => throw null!;
    }

    public interface IReflect
    {
        System.Reflection.MethodInfo GetMethod(string name, System.Reflection.BindingFlags bindingAttr);
        System.Reflection.FieldInfo GetField(string name, System.Reflection.BindingFlags bindingAttr);
    }

    public abstract class MemberInfo
    {
        protected MemberInfo() { }
        public abstract System.Reflection.MemberTypes MemberType { get; }
        public abstract string Name { get; }
        public abstract System.Type DeclaringType { get; }
        public abstract object[] GetCustomAttributes(bool inherit);
    }

    public enum MemberTypes
    {
        Constructor = 1,
        Event = 2,
        Field = 4,
        Method = 8,
        Property = 16,
        TypeInfo = 32,
        Custom = 64,
        NestedType = 128,
        All = 191,
    }

    public abstract class MethodBase : System.Reflection.MemberInfo
    {
        protected MethodBase() { }
        public bool IsPublic { get => throw null!; }
        public bool IsStatic { get => throw null!; }
        public bool IsFinal { get => throw null!; }
        public bool IsVirtual { get => throw null!; }
        public bool IsAbstract { get => throw null!; }
        public override string Name { get => throw null!; }
        public override System.Type DeclaringType { get => throw null!; }
        public abstract System.Reflection.ParameterInfo[] GetParameters();
        public object Invoke(object obj, object[] parameters) => throw null!;
    }

    public enum MethodImplAttributes
    {
        CodeTypeMask = 3,
        IL = 0,
        Native = 1,
        OPTIL = 2,
        Runtime = 3,
        ManagedMask = 4,
        Unmanaged = 4,
        Managed = 0,
        ForwardRef = 16,
        PreserveSig = 128,
        InternalCall = 4096,
        Synchronized = 32,
        NoInlining = 8,
        MaxMethodImplVal = 65535,
    }

    public abstract class MethodInfo : System.Reflection.MethodBase
    {
        protected MethodInfo() { }
        public override System.Reflection.MemberTypes MemberType { get => throw null!; }
        public abstract System.Type ReturnType { get; }
    }

    public abstract class ParameterInfo
    {
        protected ParameterInfo() { }
        public virtual System.Type ParameterType { get => throw null!; }
    }

    public abstract class PropertyInfo : System.Reflection.MemberInfo
    {
        protected PropertyInfo() { }
        public abstract System.Type PropertyType { get; }
        public virtual object GetValue(object obj, object[] index) => throw null!;
        public virtual void SetValue(object obj, object value, object[] index) => throw null!;
    }
}
