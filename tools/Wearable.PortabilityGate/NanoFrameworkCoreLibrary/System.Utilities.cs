// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System
{
    public struct Guid
    {
        public static readonly System.Guid Empty;
        public Guid(int a, short b, short c, byte d, byte e, byte f, byte g, byte h, byte i, byte j, byte k) => throw null!;
        public Guid(uint a, ushort b, ushort c, byte d, byte e, byte f, byte g, byte h, byte i, byte j, byte k) => throw null!;
        public Guid(byte[] b) => throw null!;
        public Guid(string g) => throw null!;
        public int CompareTo(object value) => throw null!;
        public byte[] ToByteArray() => throw null!;
        public override string ToString() => throw null!;
        public override bool Equals(object o) => throw null!;
        public override int GetHashCode() => throw null!;
        public static System.Guid NewGuid() => throw null!;
        public static bool TryParseGuidWithDashes(string input, out System.Guid result) => throw null!;
    }

    public class Random
    {
        public Random() => throw null!;
        public Random(int seed) => throw null!;
        public virtual int Next() => throw null!;
        public virtual int Next(int maxValue) => throw null!;
        public virtual double NextDouble() => throw null!;
        public virtual void NextBytes(byte[] buffer) => throw null!;
    }

    public sealed class Version
    {
        public Version(int major, int minor, int build, int revision) => throw null!;
        public Version(int major, int minor) => throw null!;
        public int Major { get => throw null!; }
        public int Minor { get => throw null!; }
        public int Revision { get => throw null!; }
        public int Build { get => throw null!; }
        public override bool Equals(object obj) => throw null!;
        public override string ToString() => throw null!;
        public override int GetHashCode() => throw null!;
        internal Version() { }
    }
}
