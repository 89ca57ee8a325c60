// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System
{
    public class AppDomainUnloadedException : System.SystemException
    {
        public AppDomainUnloadedException() => throw null!;
        public AppDomainUnloadedException(string message) => throw null!;
        public AppDomainUnloadedException(string message, System.Exception innerException) => throw null!;
    }

    public class ApplicationException : System.Exception
    {
        public ApplicationException() => throw null!;
        public ApplicationException(string message) => throw null!;
        public ApplicationException(string message, System.Exception innerException) => throw null!;
    }

    public class ArgumentException : System.SystemException
    {
        public ArgumentException() => throw null!;
        public ArgumentException(string message) => throw null!;
        public ArgumentException(string message, System.Exception innerException) => throw null!;
        public ArgumentException(string message, string paramName) => throw null!;
        public ArgumentException(string message, string paramName, System.Exception innerException) => throw null!;
        public override string Message { get => throw null!; }
        public virtual string ParamName { get => throw null!; }
        public static void ThrowIfNullOrEmpty(string argument, string paramName = null) => throw null!;
    }

    public class ArgumentNullException : System.ArgumentException
    {
        public ArgumentNullException() => throw null!;
        public ArgumentNullException(string paramName) => throw null!;
        public ArgumentNullException(string message, System.Exception innerException) => throw null!;
        public ArgumentNullException(string paramName, string message) => throw null!;
        public static void ThrowIfNull(object argument, string paramName = null) => throw null!;
    }

    public class ArgumentOutOfRangeException : System.ArgumentException
    {
        public ArgumentOutOfRangeException() => throw null!;
        public ArgumentOutOfRangeException(string paramName) => throw null!;
        public ArgumentOutOfRangeException(string paramName, string message) => throw null!;
    }

    public class Exception
    {
        protected int HResult;
        public Exception() => throw null!;
        public Exception(string message) => throw null!;
        public Exception(string message, System.Exception innerException) => throw null!;
        public virtual string Message { get => throw null!; }
        public System.Exception InnerException { get => throw null!; }
        public virtual string StackTrace { get => throw null!; }
        public override string ToString() => throw null!;
    }

    public class FormatException : System.SystemException
    {
        public FormatException() => throw null!;
        public FormatException(string message) => throw null!;
        public FormatException(string message, System.Exception innerException) => throw null!;
    }

    public class IndexOutOfRangeException : System.SystemException
    {
        public IndexOutOfRangeException() => throw null!;
        public IndexOutOfRangeException(string message) => throw null!;
        public IndexOutOfRangeException(string message, System.Exception innerException) => throw null!;
    }

    public class InvalidCastException : System.SystemException
    {
        public InvalidCastException() => throw null!;
        public InvalidCastException(string message) => throw null!;
        public InvalidCastException(string message, System.Exception innerException) => throw null!;
    }

    public class InvalidOperationException : System.SystemException
    {
        public InvalidOperationException() => throw null!;
        public InvalidOperationException(string message) => throw null!;
        public InvalidOperationException(string message, System.Exception innerException) => throw null!;
    }

    public class NotImplementedException : System.SystemException
    {
        public NotImplementedException() => throw null!;
        public NotImplementedException(string message) => throw null!;
        public NotImplementedException(string message, System.Exception innerException) => throw null!;
    }

    public class NotSupportedException : System.SystemException
    {
        public NotSupportedException() => throw null!;
        public NotSupportedException(string message) => throw null!;
        public NotSupportedException(string message, System.Exception innerException) => throw null!;
    }

    public class NullReferenceException : System.SystemException
    {
        public NullReferenceException() => throw null!;
        public NullReferenceException(string message) => throw null!;
        public NullReferenceException(string message, System.Exception innerException) => throw null!;
    }

    public class ObjectDisposedException : System.SystemException
    {
        public ObjectDisposedException() => throw null!;
        public ObjectDisposedException(string message) => throw null!;
        public ObjectDisposedException(string message, System.Exception innerException) => throw null!;
    }

    public class OutOfMemoryException : System.SystemException
    {
        public OutOfMemoryException() => throw null!;
        public OutOfMemoryException(string message) => throw null!;
        public OutOfMemoryException(string message, System.Exception innerException) => throw null!;
    }

    public class PlatformNotSupportedException : System.NotSupportedException
    {
        public PlatformNotSupportedException() => throw null!;
    }

    public class SystemException : System.Exception
    {
        public SystemException() => throw null!;
        public SystemException(string message) => throw null!;
        public SystemException(string message, System.Exception innerException) => throw null!;
    }

    public class TimeoutException : System.SystemException
    {
        public TimeoutException() => throw null!;
        public TimeoutException(string message) => throw null!;
        public TimeoutException(string message, System.Exception innerException) => throw null!;
    }
}

namespace System.IO
{
    public class IOException : System.SystemException
    {
        public IOException() => throw null!;
        public IOException(string message) => throw null!;
        public IOException(string message, int hresult) => throw null!;
        public IOException(string message, System.Exception innerException) => throw null!;
        public System.IO.IOException.IOExceptionErrorCode ErrorCode { get => throw null!; }
        public enum IOExceptionErrorCode
        {
            Others = -536870912,
            InvalidDriver = -520093696,
            FileNotFound = -503316480,
            DirectoryNotFound = -486539264,
            VolumeNotFound = -469762048,
            PathTooLong = -452984832,
            DirectoryNotEmpty = -436207616,
            UnauthorizedAccess = -419430400,
            PathAlreadyExists = -402653184,
            TooManyOpenHandles = -385875968,
        }
    }
}
