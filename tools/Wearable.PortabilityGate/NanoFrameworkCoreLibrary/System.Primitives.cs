// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System
{
    public struct Boolean
    {
        public static readonly string FalseString;
        public static readonly string TrueString;
        public override string ToString() => throw null!;
    }

    public struct Byte
    {
        public const byte MaxValue = (byte)(255);
        public const byte MinValue = (byte)(0);
        public override string ToString() => throw null!;
        public string ToString(string format) => throw null!;
        public static byte Parse(string s) => throw null!;
        public static bool TryParse(string s, out byte result) => throw null!;
    }

    public struct Char
    {
        public const char MaxValue = '\uffff';
        public const char MinValue = '\0';
        public override string ToString() => throw null!;
        public char ToLower() => throw null!;
        public char ToUpper() => throw null!;
    }

    public struct Double
    {
        public const double MinValue = -1.7976931348623157E+308D;
        public const double MaxValue = 1.7976931348623157E+308D;
        public const double Epsilon = 5E-324D;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NaN = 0.0 / 0.0;
        public int CompareTo(double value) => throw null!;
        public static bool IsInfinity(double d) => throw null!;
        public static bool IsNaN(double d) => throw null!;
        public static bool IsNegativeInfinity(double d) => throw null!;
        public static bool IsPositiveInfinity(double d) => throw null!;
        public static double Parse(string s) => throw null!;
        public override string ToString() => throw null!;
        public string ToString(string format) => throw null!;
        public static bool TryParse(string s, out double result) => throw null!;
    }

    public struct Int16
    {
        public const short MaxValue = (short)(32767);
        public const short MinValue = (short)(-32768);
        public override string ToString() => throw null!;
        public string ToString(string format) => throw null!;
        public static short Parse(string s) => throw null!;
        public static bool TryParse(string s, out short result) => throw null!;
    }

    public struct Int32
    {
        public const int MaxValue = 2147483647;
        public const int MinValue = unchecked((int)0x80000000);
        public override string ToString() => throw null!;
        public string ToString(string format) => throw null!;
        public static int Parse(string s) => throw null!;
        public static bool TryParse(string s, out int result) => throw null!;
    }

    public struct Int64
    {
        public const long MaxValue = 9223372036854775807L;
        public const long MinValue = unchecked((long)0x8000000000000000);
        public override string ToString() => throw null!;
        public string ToString(string format) => throw null!;
        public static long Parse(string s) => throw null!;
        public static bool TryParse(string s, out long result) => throw null!;
    }

    public struct IntPtr
    {
    }

    public struct SByte
    {
        public const sbyte MaxValue = (sbyte)(127);
        public const sbyte MinValue = (sbyte)(-128);
        public override string ToString() => throw null!;
        public string ToString(string format) => throw null!;
        public static sbyte Parse(string s) => throw null!;
        public static bool TryParse(string s, out sbyte result) => throw null!;
    }

    public struct Single
    {
        public const float MinValue = -3.4028235E+38F;
        public const float Epsilon = 1E-45F;
        public const float MaxValue = 3.4028235E+38F;
        public const float NegativeInfinity = -1.0F / 0.0F;
        public const float PositiveInfinity = 1.0F / 0.0F;
        public const float NaN = 0.0F / 0.0F;
        public static bool IsInfinity(float f) => throw null!;
        public static bool IsNaN(float f) => throw null!;
        public static bool IsNegativeInfinity(float f) => throw null!;
        public static bool IsPositiveInfinity(float f) => throw null!;
        public int CompareTo(float value) => throw null!;
        public static float Parse(string s) => throw null!;
        public override string ToString() => throw null!;
        public string ToString(string format) => throw null!;
        public static bool TryParse(string s, out float result) => throw null!;
    }

    public struct UInt16
    {
        public const ushort MaxValue = (ushort)(65535);
        public const ushort MinValue = (ushort)(0);
        public override string ToString() => throw null!;
        public string ToString(string format) => throw null!;
        public static ushort Parse(string s) => throw null!;
        public static bool TryParse(string s, out ushort result) => throw null!;
    }

    public struct UInt32
    {
        public const uint MaxValue = 4294967295U;
        public const uint MinValue = 0U;
        public override string ToString() => throw null!;
        public string ToString(string format) => throw null!;
        public static uint Parse(string s) => throw null!;
        public static bool TryParse(string s, out uint result) => throw null!;
    }

    public struct UInt64
    {
        public const ulong MaxValue = 18446744073709551615UL;
        public const ulong MinValue = 0UL;
        public override string ToString() => throw null!;
        public string ToString(string format) => throw null!;
        public static ulong Parse(string s) => throw null!;
        public static bool TryParse(string s, out ulong result) => throw null!;
    }

    public struct UIntPtr
    {
    }

    public struct Void
    {
    }
}
