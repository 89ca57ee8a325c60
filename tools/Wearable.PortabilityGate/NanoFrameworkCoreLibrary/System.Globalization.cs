// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System.Globalization
{
    public class CultureInfo
    {
        public CultureInfo(string name) => throw null!;
        public static System.Globalization.CultureInfo CurrentUICulture { get => throw null!; }
        public virtual System.Globalization.CultureInfo Parent { get => throw null!; }
        public virtual string Name { get => throw null!; }
        public virtual System.Globalization.NumberFormatInfo NumberFormat { get => throw null!; }
        public virtual System.Globalization.DateTimeFormatInfo DateTimeFormat { get => throw null!; }
        public override string ToString() => throw null!;
        internal CultureInfo() { }
    }

    public sealed class DateTimeFormatInfo
    {
        public static System.Globalization.DateTimeFormatInfo CurrentInfo { get => throw null!; }
        public string AMDesignator { get => throw null!; }
        public string DateSeparator { get => throw null!; }
        public string FullDateTimePattern { get => throw null!; }
        public string LongDatePattern { get => throw null!; }
        public string LongTimePattern { get => throw null!; }
        public string MonthDayPattern { get => throw null!; }
        public string PMDesignator { get => throw null!; }
        public string RFC1123Pattern { get => throw null!; }
        public string ShortDatePattern { get => throw null!; }
        public string ShortTimePattern { get => throw null!; }
        public string SortableDateTimePattern { get => throw null!; }
        public string TimeSeparator { get => throw null!; }
        public string UniversalSortableDateTimePattern { get => throw null!; }
        public string YearMonthPattern { get => throw null!; }
        public string[] AbbreviatedDayNames { get => throw null!; }
        public string[] DayNames { get => throw null!; }
        public string[] AbbreviatedMonthNames { get => throw null!; }
        public string[] MonthNames { get => throw null!; }
        internal DateTimeFormatInfo() { }
    }

    public sealed class NumberFormatInfo
    {
        public int[] NumberGroupSizes { get => throw null!; }
        public static System.Globalization.NumberFormatInfo CurrentInfo { get => throw null!; }
        public string NegativeSign { get => throw null!; }
        public string NumberDecimalSeparator { get => throw null!; }
        public string NumberGroupSeparator { get => throw null!; }
        public string PositiveSign { get => throw null!; }
        internal NumberFormatInfo() { }
    }
}
