using Wearable.EdgeHost.Sessions;
using Wearable.VirtualDevice;

namespace Wearable.EdgeHost.Tests.Sessions;

/// <summary>
/// Tells a test when every block the device sent has been through the session's BlockReceived handlers.
/// Subscribe it after the test's own handlers (and recorders): the session calls handlers in order, so
/// when this one has counted the last block, every handler before it has seen that block too. This
/// replaces waiting for a quiet spell, which under CPU load ended while blocks were still on their way.
/// </summary>
public sealed class DeliveryTracker : IDisposable
{
    private readonly DeviceSession _session;
    private readonly VirtualBoard _board;
    private readonly object _gate = new();
    private TaskCompletionSource? _caughtUp;
    private long _handled;

    public DeliveryTracker(DeviceSession session, VirtualBoard board)
    {
        _session = session;
        _board = board;
        _session.BlockReceived += OnBlock;
    }

    /// <summary>
    /// After StopStreamAsync (the device sends nothing more): completes once every block the device
    /// numbered has been handled here or counted lost. The timeout only turns a hang into a failure.
    /// </summary>
    public Task AllDeliveredAsync()
    {
        lock (_gate)
        {
            if (CaughtUp())
            {
                return Task.CompletedTask;
            }

            _caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _caughtUp.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
    }

    public void Dispose() => _session.BlockReceived -= OnBlock;

    private void OnBlock(SampleBlock block)
    {
        lock (_gate)
        {
            _handled++;
            if (_caughtUp is not null && CaughtUp())
            {
                _caughtUp.TrySetResult();
            }
        }
    }

    private bool CaughtUp() => _handled + _session.Counters.LostBlocks >= _board.Device.Stream.BlocksSent;
}
