// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System
{
    public struct DateTime
    {
        public static readonly System.DateTime MinValue;
        public static readonly System.DateTime MaxValue;
        public static readonly System.DateTime UnixEpoch;
        public DateTime(long ticks) => throw null!;
        public DateTime(long ticks, System.DateTimeKind kind) => throw null!;
        public DateTime(int year, int month, int day) => throw null!;
        public DateTime(int year, int month, int day, int hour, int minute, int second) => throw null!;
        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond) => throw null!;
        public System.DateTime Date { get => throw null!; }
        public int Day { get => throw null!; }
        public System.DayOfWeek DayOfWeek { get => throw null!; }
        public int DayOfYear { get => throw null!; }
        public int Hour { get => throw null!; }
        public System.DateTimeKind Kind { get => throw null!; }
        public int Millisecond { get => throw null!; }
        public int Minute { get => throw null!; }
        public int Month { get => throw null!; }
        public static System.DateTime UtcNow { get => throw null!; }
        public int Second { get => throw null!; }
        public long Ticks { get => throw null!; }
        public System.TimeSpan TimeOfDay { get => throw null!; }
        public static System.DateTime Today { get => throw null!; }
        public int Year { get => throw null!; }
        public System.DateTime Add(System.TimeSpan val) => throw null!;
        public System.DateTime AddDays(double val) => throw null!;
        public System.DateTime AddHours(double val) => throw null!;
        public System.DateTime AddMilliseconds(double val) => throw null!;
        public System.DateTime AddMinutes(double val) => throw null!;
        public System.DateTime AddSeconds(double val) => throw null!;
        public System.DateTime AddTicks(long val) => throw null!;
        public static int Compare(System.DateTime t1, System.DateTime t2) => throw null!;
        public int CompareTo(object val) => throw null!;
        public static int DaysInMonth(int year, int month) => throw null!;
        public override bool Equals(object obj) => throw null!;
        public static bool Equals(System.DateTime t1, System.DateTime t2) => throw null!;
        public System.TimeSpan Subtract(System.DateTime val) => throw null!;
        public System.DateTime Subtract(System.TimeSpan val) => throw null!;
        public override string ToString() => throw null!;
        public string ToString(string format) => throw null!;
        public static System.DateTime operator +(System.DateTime d, System.TimeSpan t) => throw null!;
        public static System.DateTime operator -(System.DateTime d, System.TimeSpan t) => throw null!;
        public static System.TimeSpan operator -(System.DateTime d1, System.DateTime d2) => throw null!;
        public static bool operator ==(System.DateTime d1, System.DateTime d2) => throw null!;
        public static bool operator !=(System.DateTime t1, System.DateTime t2) => throw null!;
        public static bool operator <(System.DateTime t1, System.DateTime t2) => throw null!;
        public static bool operator <=(System.DateTime t1, System.DateTime t2) => throw null!;
        public static bool operator >(System.DateTime t1, System.DateTime t2) => throw null!;
        public static bool operator >=(System.DateTime t1, System.DateTime t2) => throw null!;
        public static System.DateTime FromUnixTimeSeconds(long seconds) => throw null!;
        public long ToUnixTimeSeconds() => throw null!;
        public override int GetHashCode() => throw null!;
        public static System.DateTime Parse(string s) => throw null!;
        public static bool TryParse(string s, out System.DateTime result) => throw null!;
    }

    public enum DateTimeKind
    {
        Utc = 1,
        Local = 2,
    }

    public enum DayOfWeek
    {
        Sunday = 0,
        Monday = 1,
        Tuesday = 2,
        Wednesday = 3,
        Thursday = 4,
        Friday = 5,
        Saturday = 6,
    }

    public struct TimeSpan
    {
        public const long TicksPerMillisecond = 10000L;
        public const long TicksPerSecond = 10000000L;
        public const long TicksPerMinute = 600000000L;
        public const long TicksPerHour = 36000000000L;
        public const long TicksPerDay = 864000000000L;
        public static readonly System.TimeSpan Zero;
        public static readonly System.TimeSpan MaxValue;
        public static readonly System.TimeSpan MinValue;
        public TimeSpan(long ticks) => throw null!;
        public TimeSpan(int hours, int minutes, int seconds) => throw null!;
        public TimeSpan(int days, int hours, int minutes, int seconds) => throw null!;
        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds) => throw null!;
        public long Ticks { get => throw null!; }
        public int Days { get => throw null!; }
        public int Hours { get => throw null!; }
        public int Milliseconds { get => throw null!; }
        public int Minutes { get => throw null!; }
        public int Seconds { get => throw null!; }
        public double TotalDays { get => throw null!; }
        public double TotalHours { get => throw null!; }
        public double TotalMilliseconds { get => throw null!; }
        public double TotalMinutes { get => throw null!; }
        public double TotalSeconds { get => throw null!; }
        public System.TimeSpan Add(System.TimeSpan ts) => throw null!;
        public static int Compare(System.TimeSpan t1, System.TimeSpan t2) => throw null!;
        public int CompareTo(object value) => throw null!;
        public System.TimeSpan Duration() => throw null!;
        public override bool Equals(object value) => throw null!;
        public static bool Equals(System.TimeSpan t1, System.TimeSpan t2) => throw null!;
        public System.TimeSpan Negate() => throw null!;
        public System.TimeSpan Subtract(System.TimeSpan ts) => throw null!;
        public static System.TimeSpan FromTicks(long value) => throw null!;
        public static System.TimeSpan FromMilliseconds(long value) => throw null!;
        public static System.TimeSpan FromSeconds(long value) => throw null!;
        public static System.TimeSpan FromMinutes(long value) => throw null!;
        public static System.TimeSpan FromHours(long value) => throw null!;
        public static System.TimeSpan FromDays(long value) => throw null!;
        public override string ToString() => throw null!;
        public static System.TimeSpan operator -(System.TimeSpan t) => throw null!;
        public static System.TimeSpan operator -(System.TimeSpan t1, System.TimeSpan t2) => throw null!;
        public static System.TimeSpan operator +(System.TimeSpan t) => throw null!;
        public static System.TimeSpan operator +(System.TimeSpan t1, System.TimeSpan t2) => throw null!;
        public static bool operator ==(System.TimeSpan t1, System.TimeSpan t2) => throw null!;
        public static bool operator !=(System.TimeSpan t1, System.TimeSpan t2) => throw null!;
        public static bool operator <(System.TimeSpan t1, System.TimeSpan t2) => throw null!;
        public static bool operator <=(System.TimeSpan t1, System.TimeSpan t2) => throw null!;
        public static bool operator >(System.TimeSpan t1, System.TimeSpan t2) => throw null!;
        public static bool operator >=(System.TimeSpan t1, System.TimeSpan t2) => throw null!;
        public override int GetHashCode() => throw null!;
    }
}
