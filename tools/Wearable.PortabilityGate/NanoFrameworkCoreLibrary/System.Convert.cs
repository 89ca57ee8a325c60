// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System
{
    public static class BitConverter
    {
        public static bool IsLittleEndian { get => throw null!; }
        public static long DoubleToInt64Bits(double value) => throw null!;
        public static byte[] GetBytes(bool value) => throw null!;
        public static byte[] GetBytes(char value) => throw null!;
        public static byte[] GetBytes(double value) => throw null!;
        public static byte[] GetBytes(float value) => throw null!;
        public static byte[] GetBytes(int value) => throw null!;
        public static byte[] GetBytes(long value) => throw null!;
        public static byte[] GetBytes(short value) => throw null!;
        public static byte[] GetBytes(uint value) => throw null!;
        public static byte[] GetBytes(ulong value) => throw null!;
        public static byte[] GetBytes(ushort value) => throw null!;
        public static double Int64BitsToDouble(long value) => throw null!;
        public static bool ToBoolean(byte[] value, int startIndex) => throw null!;
        public static char ToChar(byte[] value, int startIndex) => throw null!;
        public static double ToDouble(byte[] value, int startIndex) => throw null!;
        public static short ToInt16(byte[] value, int startIndex) => throw null!;
        public static int ToInt32(byte[] value, int startIndex) => throw null!;
        public static long ToInt64(byte[] value, int startIndex) => throw null!;
        public static float ToSingle(byte[] value, int startIndex) => throw null!;
        public static string ToString(byte[] value) => throw null!;
        public static string ToString(byte[] value, int startIndex) => throw null!;
        public static string ToString(byte[] value, int startIndex, int length) => throw null!;
        public static ushort ToUInt16(byte[] value, int startIndex) => throw null!;
        public static uint ToUInt32(byte[] value, int startIndex) => throw null!;
        public static ulong ToUInt64(byte[] value, int startIndex) => throw null!;
    }

    [System.FlagsAttribute]
    public enum Base64FormattingOptions
    {
        None = 0,
        InsertLineBreaks = 1,
    }

    public static class Convert
    {
        public static bool ToBoolean(byte value) => throw null!;
        public static char ToChar(ushort value) => throw null!;
        public static sbyte ToSByte(string value, int fromBase = 10) => throw null!;
        public static byte ToByte(string value, int fromBase = 10) => throw null!;
        public static byte ToByte(bool value) => throw null!;
        public static System.DateTime ToDateTime(string value) => throw null!;
        public static short ToInt16(string value, int fromBase = 10) => throw null!;
        public static ushort ToUInt16(string value, int fromBase = 10) => throw null!;
        public static int ToInt32(string value, int fromBase = 10) => throw null!;
        public static uint ToUInt32(string value, int fromBase = 10) => throw null!;
        public static long ToInt64(string value, int fromBase = 10) => throw null!;
        public static ulong ToUInt64(string value, int fromBase = 10) => throw null!;
        public static double ToDouble(string value) => throw null!;
        public static float ToSingle(string value) => throw null!;
        public static string ToBase64String(byte[] inArray) => throw null!;
        public static string ToBase64String(byte[] inArray, System.Base64FormattingOptions options) => throw null!;
        public static string ToBase64String(byte[] inArray, int offset, int length) => throw null!;
        public static string ToBase64String(byte[] inArray, int offset, int length, System.Base64FormattingOptions options) => throw null!;
        public static byte[] FromBase64String(string inString) => throw null!;
        public static byte[] FromBase64CharArray(char[] inArray, int offset, int length) => throw null!;
    }
}
