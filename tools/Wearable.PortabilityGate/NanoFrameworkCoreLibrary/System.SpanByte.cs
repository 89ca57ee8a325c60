// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System
{
    public readonly struct SpanByte
    {
        public SpanByte(byte[] array) => throw null!;
        public SpanByte(byte[] array, int start, int length) => throw null!;
        public byte this[int index] { get => throw null!; set => throw null!; }
        public static System.SpanByte Empty { get => throw null!; }
        public int Length { get => throw null!; }
        public bool IsEmpty { get => throw null!; }
        public void CopyTo(System.SpanByte destination) => throw null!;
        public System.SpanByte Slice(int start) => throw null!;
        public System.SpanByte Slice(int start, int length) => throw null!;
        public byte[] ToArray() => throw null!;
        public static implicit operator System.SpanByte(byte[] array) => throw null!;
    }
}
