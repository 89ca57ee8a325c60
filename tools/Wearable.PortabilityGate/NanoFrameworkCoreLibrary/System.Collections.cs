// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System.Collections
{
    public class ArrayList : System.Collections.IList, System.ICloneable
    {
        public ArrayList() => throw null!;
        public virtual int Capacity { get => throw null!; set => throw null!; }
        public virtual int Count { get => throw null!; }
        public virtual bool IsFixedSize { get => throw null!; }
        public virtual bool IsReadOnly { get => throw null!; }
        public virtual bool IsSynchronized { get => throw null!; }
        public virtual object SyncRoot { get => throw null!; }
        public virtual object this[int index] { get => throw null!; set => throw null!; }
        public virtual int Add(object value) => throw null!;
        public virtual int BinarySearch(object value, System.Collections.IComparer comparer) => throw null!;
        public virtual void Clear() => throw null!;
        public virtual object Clone() => throw null!;
        public virtual bool Contains(object value) => throw null!;
        public virtual void CopyTo(System.Array array) => throw null!;
        public virtual void CopyTo(System.Array array, int index) => throw null!;
        public virtual System.Collections.IEnumerator GetEnumerator() => throw null!;
        public virtual int IndexOf(object value) => throw null!;
        public virtual int IndexOf(object value, int startIndex) => throw null!;
        public virtual int IndexOf(object value, int startIndex, int count) => throw null!;
        public virtual void Insert(int index, object value) => throw null!;
        public virtual void Remove(object value) => throw null!;
        public virtual void RemoveAt(int index) => throw null!;
        public virtual object[] ToArray() => throw null!;
        public virtual System.Array ToArray(System.Type type) => throw null!;
    }

    public interface ICollection : System.Collections.IEnumerable
    {
        int Count { get; }
        object SyncRoot { get; }
        bool IsSynchronized { get; }
        void CopyTo(System.Array array, int index);
    }

    public interface IComparer
    {
        int Compare(object x, object y);
    }

    public interface IEnumerable
    {
        System.Collections.IEnumerator GetEnumerator();
    }

    public interface IEnumerator
    {
        object Current { get; }
        bool MoveNext();
        void Reset();
    }

    public interface IEqualityComparer
    {
        bool Equals(object x, object y);
        int GetHashCode(object obj);
    }

    public interface IList : System.Collections.ICollection
    {
        object this[int index] { get; set; }
        bool IsReadOnly { get; }
        bool IsFixedSize { get; }
        int Add(object value);
        bool Contains(object value);
        void Clear();
        int IndexOf(object value);
        void Insert(int index, object value);
        void Remove(object value);
        void RemoveAt(int index);
    }
}
