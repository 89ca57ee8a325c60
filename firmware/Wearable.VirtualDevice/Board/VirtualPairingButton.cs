using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Board;

/// <summary>
/// The virtual board's pairing button: open for a window after start (--pairing-window) or after
/// <see cref="Press"/> (the 'p' line on stdin), closed otherwise and after one successful pairing.
/// </summary>
public sealed class VirtualPairingButton : IPairingButton
{
    private long _openUntil;

    /// <summary>Opens the window for <paramref name="window"/> from now.</summary>
    public void Press(TimeSpan window)
    {
        Interlocked.Exchange(ref _openUntil, Environment.TickCount64 + (long)window.TotalMilliseconds);
    }

    public bool IsPairingWindowOpen => Environment.TickCount64 < Interlocked.Read(ref _openUntil);

    public void Consume() => Interlocked.Exchange(ref _openUntil, 0);
}
