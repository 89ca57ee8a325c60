// Stand-in for nanoFramework's mscorlib, used only by the portability gate (never shipped, never run).
//
// Where the member list comes from: the public surface of nanoFramework.CoreLibrary 1.x, the stable
// non-generic line (repository nanoframework/CoreLibrary, branch main, commit 5e378893cd55 of
// 2026-05-06; its public surface is identical to tag v1.17.11 = NuGet nanoFramework.CoreLibrary
// 1.17.11, the later commits only touch doc comments and tests), built the way the
// device package is built (with NANOCLR_REFLECTION; files the .nfproj leaves out, such as Decimal.cs and
// IsVolatile.cs, are left out here too). System.Text.cs comes from nanoFramework.System.Text 1.3 (see
// that file). Every declaration here is our own signature-only restatement: bodies throw, nothing
// executes, only the names, shapes and accessibility matter.
//
// Deliberately absent, because the device does not have them: generics (no Nullable<T>, so `int?` does
// not compile; no List<T>, no Span<T>), System.Math (internal in CoreLibrary; a separate package),
// System.Decimal, DivideByZeroException / OverflowException / ArithmeticException, Hashtable / Queue /
// Stack (the separate nanoFramework.System.Collections package), Buffer, Array.Fill/Empty. CoreLibrary
// 1.x source also declares the generic delegates Action<T..>, Func<..> and EventHandler<TEventArgs>;
// they are left out on purpose: the 1.x interpreter does not run generics and our contract bans them.
// Likewise CoreLibrary's build leaves out IsVolatile, so a `volatile` field type-checks here but fails
// to emit (CS0518), as it would in a device build.
//
// The gate compiles these files alone, with no references, into an assembly that declares
// System.Object itself, then compiles shared code against it. A compilation reference
// (CSharpCompilation.ToMetadataReference) needs nothing more; to Emit it to bytes, pass
// EmitOptions(runtimeMetadataVersion: "v4.0.30319") as any corlib build must.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System
{
    public abstract class Array : System.ICloneable, System.Collections.IList
    {
        protected Array() { }
        public int Length { get => throw null!; }
        int System.Collections.ICollection.Count { get => throw null!; }
        public object SyncRoot { get => throw null!; }
        public bool IsReadOnly { get => throw null!; }
        public bool IsFixedSize { get => throw null!; }
        public bool IsSynchronized { get => throw null!; }
        object System.Collections.IList.this[int index] { get => throw null!; set => throw null!; }
        public static System.Array CreateInstance(System.Type elementType, int length) => throw null!;
        public static void Copy(System.Array sourceArray, System.Array destinationArray, int length) => throw null!;
        public static void Copy(System.Array sourceArray, int sourceIndex, System.Array destinationArray, int destinationIndex, int length) => throw null!;
        public static void Clear(System.Array array, int index, int length) => throw null!;
        public object GetValue(int index) => throw null!;
        int System.Collections.IList.Add(object value) => throw null!;
        bool System.Collections.IList.Contains(object value) => throw null!;
        void System.Collections.IList.Clear() => throw null!;
        int System.Collections.IList.IndexOf(object value) => throw null!;
        void System.Collections.IList.Insert(int index, object value) => throw null!;
        void System.Collections.IList.Remove(object value) => throw null!;
        void System.Collections.IList.RemoveAt(int index) => throw null!;
        public object Clone() => throw null!;
        public static int BinarySearch(System.Array array, object value, System.Collections.IComparer comparer) => throw null!;
        public static int BinarySearch(System.Array array, int index, int length, object value, System.Collections.IComparer comparer) => throw null!;
        public void CopyTo(System.Array array, int index) => throw null!;
        public System.Collections.IEnumerator GetEnumerator() => throw null!;
        public static int IndexOf(System.Array array, object value) => throw null!;
        public static int IndexOf(System.Array array, object value, int startIndex) => throw null!;
        public static int IndexOf(System.Array array, object value, int startIndex, int count) => throw null!;
    }

    public sealed class DBNull
    {
        public static readonly System.DBNull Value;
        internal DBNull() { }
    }

    public abstract class Delegate
    {
        protected Delegate() { }
        public System.Reflection.MethodInfo Method { get => throw null!; }
        public object Target { get => throw null!; }
        public override bool Equals(object obj) => throw null!;
        public static System.Delegate Combine(System.Delegate a, System.Delegate b) => throw null!;
        public virtual System.Delegate[] GetInvocationList() => throw null!;
        public static System.Delegate Remove(System.Delegate source, System.Delegate value) => throw null!;
        public static bool operator ==(System.Delegate d1, System.Delegate d2) => throw null!;
        public static bool operator !=(System.Delegate d1, System.Delegate d2) => throw null!;
    }

    public abstract class Enum : System.ValueType
    {
        protected Enum() { }
        public bool HasFlag(System.Enum flag) => throw null!;
        public override string ToString() => throw null!;
    }

    public static class GC
    {
        public static void WaitForPendingFinalizers() => throw null!;
        public static void SuppressFinalize(object obj) => throw null!;
        public static void ReRegisterForFinalize(object obj) => throw null!;
    }

    public abstract class MarshalByRefObject
    {
        protected MarshalByRefObject() { }
    }

    public abstract class MulticastDelegate : System.Delegate
    {
        protected MulticastDelegate() { }
        public static bool operator ==(System.MulticastDelegate d1, System.MulticastDelegate d2) => throw null!;
        public static bool operator !=(System.MulticastDelegate d1, System.MulticastDelegate d2) => throw null!;
        public override bool Equals(object obj) => throw null!;
    }

    public class Object
    {
        public Object() => throw null!;
        public virtual string ToString() => throw null!;
        public virtual bool Equals(object obj) => throw null!;
        public static bool Equals(object objA, object objB) => throw null!;
        public static bool ReferenceEquals(object objA, object objB) => throw null!;
        public virtual int GetHashCode() => throw null!;
        public System.Type GetType() => throw null!;
        protected object MemberwiseClone() => throw null!;
    }

    public struct RuntimeArgumentHandle
    {
    }

    public struct RuntimeFieldHandle
    {
    }

    public struct RuntimeMethodHandle
    {
    }

    public struct RuntimeTypeHandle
    {
    }

    public abstract class Type : System.Reflection.MemberInfo, System.Reflection.IReflect
    {
        protected Type() { }
        public override System.Type DeclaringType { get => throw null!; }
        public abstract System.Reflection.Assembly Assembly { get; }
        public abstract string FullName { get; }
        public abstract string AssemblyQualifiedName { get; }
        public abstract System.Type BaseType { get; }
        public bool IsNotPublic { get => throw null!; }
        public bool IsPublic { get => throw null!; }
        public bool IsClass { get => throw null!; }
        public bool IsInterface { get => throw null!; }
        public bool IsValueType { get => throw null!; }
        public bool IsAbstract { get => throw null!; }
        public bool IsEnum { get => throw null!; }
        public bool IsSerializable { get => throw null!; }
        public bool IsArray { get => throw null!; }
        public static System.Type GetType(string typeName) => throw null!;
        public object InvokeMember(string name, System.Reflection.BindingFlags invokeAttr, System.Reflection.Binder binder, object target, object[] args) => throw null!;
        public static System.Type GetTypeFromHandle(System.RuntimeTypeHandle handle) => throw null!;
        public System.Reflection.ConstructorInfo GetConstructor(System.Type[] types) => throw null!;
        public System.Reflection.ConstructorInfo[] GetConstructors() => throw null!;
        public System.Reflection.MethodInfo GetMethod(string name, System.Type[] types) => throw null!;
        public System.Reflection.MethodInfo GetMethod(string name, System.Reflection.BindingFlags bindingAttr) => throw null!;
        public System.Reflection.MethodInfo GetMethod(string name) => throw null!;
        public System.Reflection.MethodInfo[] GetMethods() => throw null!;
        public abstract System.Reflection.MethodInfo[] GetMethods(System.Reflection.BindingFlags bindingAttr);
        public abstract System.Reflection.FieldInfo GetField(string name, System.Reflection.BindingFlags bindingAttr);
        public System.Reflection.FieldInfo GetField(string name) => throw null!;
        public System.Reflection.FieldInfo[] GetFields() => throw null!;
        public abstract System.Reflection.FieldInfo[] GetFields(System.Reflection.BindingFlags bindingAttr);
        public abstract System.Type[] GetInterfaces();
        public abstract System.Type GetElementType();
        public virtual bool IsSubclassOf(System.Type c) => throw null!;
        public virtual bool IsInstanceOfType(object o) => throw null!;
        public override string ToString() => throw null!;
    }

    public enum TypeCode
    {
        Empty = 0,
        Object = 1,
        DBNull = 2,
        Boolean = 3,
        Char = 4,
        SByte = 5,
        Byte = 6,
        Int16 = 7,
        UInt16 = 8,
        Int32 = 9,
        UInt32 = 10,
        Int64 = 11,
        UInt64 = 12,
        Single = 13,
        Double = 14,
        Decimal = 15,
        DateTime = 16,
        String = 18,
    }

    public struct TypedReference
    {
    }

    public abstract class ValueType
    {
        protected ValueType() { }
        public override bool Equals(object obj) => throw null!;
    }

    public class WeakReference
    {
        public WeakReference(object target) => throw null!;
        public virtual bool IsAlive { get => throw null!; }
        public virtual object Target { get => throw null!; set => throw null!; }
        internal WeakReference() { }
    }
}

namespace System.Runtime.Remoting
{
    public static class RemotingServices
    {
        public static bool IsTransparentProxy(object proxy) => throw null!;
    }
}
