using System.Diagnostics;

namespace Wearable.FakeBlueZ;

/// <summary>
/// The air-time budget of a BLE connection for the link bench: at most <see cref="NotificationsPerEvent"/>
/// notifications per connection event, one event every <see cref="ConnectionInterval"/>. The fake's
/// notifications wait for their slot, so the unix socket behind it moves no more than a radio would.
/// Tests leave pacing off (they check content and order, never speed).
/// </summary>
public sealed class RadioPacing(TimeSpan connectionInterval, int notificationsPerEvent)
{
    private readonly long _intervalTicks = (long)(connectionInterval.TotalSeconds * Stopwatch.Frequency);
    private readonly long _origin = Stopwatch.GetTimestamp();
    private long _currentEvent = long.MinValue;
    private int _sentInEvent;

    public TimeSpan ConnectionInterval { get; } = connectionInterval;

    public int NotificationsPerEvent { get; } = notificationsPerEvent;

    /// <summary>Bytes per second this budget carries at <paramref name="attMtu"/>.</summary>
    public double BytesPerSecond(int attMtu) => NotificationsPerEvent * (attMtu - 3) / ConnectionInterval.TotalSeconds;

    /// <summary>
    /// Blocks the caller until the next notification may go out (called by one sender thread): connection
    /// events sit on a fixed grid, so a value waits for the next event with room, as on air.
    /// </summary>
    public void WaitForSlot()
    {
        long now = Stopwatch.GetTimestamp();
        long nextBoundary = _origin + ((now - _origin + _intervalTicks - 1) / _intervalTicks * _intervalTicks);
        long slot = Math.Max(nextBoundary, _currentEvent);
        if (slot == _currentEvent && _sentInEvent == NotificationsPerEvent)
        {
            slot += _intervalTicks;
        }

        if (slot != _currentEvent)
        {
            _currentEvent = slot;
            _sentInEvent = 0;
        }

        long wait = slot - now;
        if (wait > 0)
        {
            Thread.Sleep(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
        }

        _sentInEvent++;
    }
}
