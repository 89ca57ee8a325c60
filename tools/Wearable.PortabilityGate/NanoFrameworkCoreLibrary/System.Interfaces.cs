// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System
{
    public delegate void Action();

    public delegate void AsyncCallback(System.IAsyncResult ar);

    public class EventArgs
    {
        public static readonly System.EventArgs Empty;
        public EventArgs() => throw null!;
    }

    public delegate void EventHandler(object sender, System.EventArgs e);

    public interface IAsyncResult
    {
    }

    public interface ICloneable
    {
        object Clone();
    }

    public interface IComparable
    {
        int CompareTo(object obj);
    }

    public interface ICustomFormatter
    {
        string Format(string format, object arg, System.IFormatProvider formatProvider);
    }

    public interface IDisposable
    {
        void Dispose();
    }

    public interface IFormatProvider
    {
        object GetFormat(System.Type formatType);
    }

    public interface IFormattable
    {
        string ToString(string format, System.IFormatProvider formatProvider);
    }
}
