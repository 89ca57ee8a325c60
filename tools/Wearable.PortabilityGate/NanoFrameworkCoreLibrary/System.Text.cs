// Part of the gate's device surface; provenance of the core library in System.Object.cs.
// System.Text is not in nanoFramework.CoreLibrary: it is the nanoFramework.System.Text package
// (repository nanoframework/System.Text, main, commit 4c12b0e88fbc of 2026-07-09; same public surface
// as tag v1.3.42 = NuGet nanoFramework.System.Text 1.3.42).
// It is included because the portability contract allows StringBuilder and Encoding.UTF8 and every
// device project references that package (see the .nfproj packages.config files).
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System.Text
{
    public abstract class Decoder
    {
        protected Decoder() { }
        public abstract void Convert(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, int charCount, bool flush, out int bytesUsed, out int charsUsed, out bool completed);
    }

    public abstract class Encoding
    {
        protected Encoding() { }
        public static System.Text.Encoding UTF8 { get => throw null!; }
        public virtual byte[] GetBytes(string s) => throw null!;
        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null!;
        public virtual char[] GetChars(byte[] bytes) => throw null!;
        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null!;
        public virtual string GetString(byte[] bytes, int index, int count) => throw null!;
        public abstract System.Text.Decoder GetDecoder();
    }

    public sealed class StringBuilder
    {
        public StringBuilder(string value, int startIndex, int length, int capacity) => throw null!;
        public StringBuilder(string value, int capacity) => throw null!;
        public StringBuilder(int capacity, int maxCapacity) => throw null!;
        public StringBuilder(int capacity) => throw null!;
        public StringBuilder(string value) => throw null!;
        public StringBuilder() => throw null!;
        public int MaxCapacity { get => throw null!; }
        public char this[int index] { get => throw null!; set => throw null!; }
        public int Capacity { get => throw null!; set => throw null!; }
        public int Length { get => throw null!; set => throw null!; }
        public System.Text.StringBuilder Append(bool value) => throw null!;
        public System.Text.StringBuilder Append(byte value) => throw null!;
        public System.Text.StringBuilder Append(char value) => throw null!;
        public System.Text.StringBuilder Append(double value) => throw null!;
        public System.Text.StringBuilder Append(short value) => throw null!;
        public System.Text.StringBuilder Append(char[] value) => throw null!;
        public System.Text.StringBuilder Append(int value) => throw null!;
        public System.Text.StringBuilder Append(long value) => throw null!;
        public System.Text.StringBuilder Append(object value) => throw null!;
        public System.Text.StringBuilder Append(string value) => throw null!;
        public System.Text.StringBuilder Append(sbyte value) => throw null!;
        public System.Text.StringBuilder Append(float value) => throw null!;
        public System.Text.StringBuilder Append(ushort value) => throw null!;
        public System.Text.StringBuilder Append(uint value) => throw null!;
        public System.Text.StringBuilder Append(ulong value) => throw null!;
        public System.Text.StringBuilder Append(string value, int startIndex, int count) => throw null!;
        public System.Text.StringBuilder Append(char[] value, int startIndex, int charCount) => throw null!;
        public System.Text.StringBuilder Append(char value, int repeatCount) => throw null!;
        public System.Text.StringBuilder Remove(int startIndex, int length) => throw null!;
        public System.Text.StringBuilder Insert(int index, string value, int count) => throw null!;
        public System.Text.StringBuilder Insert(int index, char[] value, int startIndex, int charCount) => throw null!;
        public System.Text.StringBuilder Replace(char oldChar, char newChar, int startIndex, int count) => throw null!;
        public System.Text.StringBuilder Replace(char oldChar, char newChar) => throw null!;
        public System.Text.StringBuilder Replace(string oldValue, string newValue, int startIndex, int count) => throw null!;
        public System.Text.StringBuilder Replace(string oldValue, string newValue) => throw null!;
        public System.Text.StringBuilder Clear() => throw null!;
        public override string ToString() => throw null!;
        public string ToString(int startIndex, int length) => throw null!;
        public System.Text.StringBuilder AppendLine(string str) => throw null!;
        public System.Text.StringBuilder AppendLine() => throw null!;
    }

    public class UTF8Encoding : System.Text.Encoding
    {
        public UTF8Encoding() => throw null!;
        public override byte[] GetBytes(string s) => throw null!;
        public override int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null!;
        public override char[] GetChars(byte[] bytes) => throw null!;
        public override char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null!;
        public override System.Text.Decoder GetDecoder() => throw null!;
    }
}
