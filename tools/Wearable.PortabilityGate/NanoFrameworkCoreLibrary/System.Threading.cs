// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System.Threading
{
    public sealed class AutoResetEvent : System.Threading.WaitHandle
    {
        public AutoResetEvent(bool initialState) => throw null!;
        public bool Reset() => throw null!;
        public bool Set() => throw null!;
        internal AutoResetEvent() { }
    }

    public static class Interlocked
    {
        public static int Increment(ref int location) => throw null!;
        public static int Decrement(ref int location) => throw null!;
        public static int Exchange(ref int location1, int value) => throw null!;
        public static int CompareExchange(ref int location1, int value, int comparand) => throw null!;
    }

    public sealed class ManualResetEvent : System.Threading.WaitHandle
    {
        public ManualResetEvent(bool initialState) => throw null!;
        public bool Reset() => throw null!;
        public bool Set() => throw null!;
        internal ManualResetEvent() { }
    }

    public static class Monitor
    {
        public static void Enter(object obj) => throw null!;
        public static void Exit(object obj) => throw null!;
    }

    public struct SpinWait
    {
        public void SpinOnce() => throw null!;
        public static void SpinUntil(System.TimeSpan timeout) => throw null!;
        public static void SpinUntil(int millisecondsTimeout) => throw null!;
    }

    public sealed class Thread
    {
        public Thread(System.Threading.ThreadStart start) => throw null!;
        public System.Threading.ThreadPriority Priority { get => throw null!; set => throw null!; }
        public int ManagedThreadId { get => throw null!; }
        public bool IsAlive { get => throw null!; }
        public static System.Threading.Thread CurrentThread { get => throw null!; }
        public System.Threading.ThreadState ThreadState { get => throw null!; }
        public void Start() => throw null!;
        public void Abort() => throw null!;
        public void Suspend() => throw null!;
        public void Resume() => throw null!;
        public void Join() => throw null!;
        public bool Join(int millisecondsTimeout) => throw null!;
        public bool Join(System.TimeSpan timeout) => throw null!;
        public static void Sleep(int millisecondsTimeout) => throw null!;
        public static void Sleep(System.TimeSpan timeout) => throw null!;
        public static void SpinWait(int iterations) => throw null!;
        internal Thread() { }
    }

    public sealed class ThreadAbortException : System.SystemException
    {
        internal ThreadAbortException() { }
    }

    public enum ThreadPriority
    {
        Lowest = 0,
        BelowNormal = 1,
        Normal = 2,
        AboveNormal = 3,
        Highest = 4,
    }

    public delegate void ThreadStart();

    [System.FlagsAttribute]
    public enum ThreadState
    {
        Running = 0,
        StopRequested = 1,
        SuspendRequested = 2,
        Background = 4,
        Unstarted = 8,
        Stopped = 16,
        WaitSleepJoin = 32,
        Suspended = 64,
        AbortRequested = 128,
        Aborted = 256,
    }

    public static class Timeout
    {
        public const int Infinite = -1;
        public static readonly System.TimeSpan InfiniteTimeSpan;
    }

    public sealed class Timer : System.MarshalByRefObject, System.IDisposable
    {
        public Timer(System.Threading.TimerCallback callback, object state, int dueTime, int period) => throw null!;
        public Timer(System.Threading.TimerCallback callback, object state, System.TimeSpan dueTime, System.TimeSpan period) => throw null!;
        public bool Change(int dueTime, int period) => throw null!;
        public bool Change(System.TimeSpan dueTime, System.TimeSpan period) => throw null!;
        public void Dispose() => throw null!;
        internal Timer() { }
    }

    public delegate void TimerCallback(object state);

    public abstract class WaitHandle : System.MarshalByRefObject
    {
        public const int WaitTimeout = 258;
        protected WaitHandle() { }
        public virtual bool WaitOne(int millisecondsTimeout, bool exitContext) => throw null!;
        public virtual bool WaitOne() => throw null!;
        public static bool WaitAll(System.Threading.WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext) => throw null!;
        public static bool WaitAll(System.Threading.WaitHandle[] waitHandles) => throw null!;
        public static int WaitAny(System.Threading.WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext) => throw null!;
        public static int WaitAny(System.Threading.WaitHandle[] waitHandles) => throw null!;
    }
}
