using System.Diagnostics;
using Wearable.EdgeHost.Sessions;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Cli.Devices;

/// <summary>
/// Times each block from the moment its last sample entered the virtual device's ADC (the source's
/// entry log) to the moment the host session delivered it. Only works for in-process virtual devices.
/// </summary>
public sealed class LinkLatencyProbe : IDisposable
{
    private readonly DeviceSession _session;
    private readonly SampleEntryLog _log = new();
    private readonly List<double> _milliseconds = new();
    private readonly int _rate;
    private readonly long _epochMicros;
    private long _unmatched;
    private long _warmUpBlocks;

    private LinkLatencyProbe(DeviceSession session, VirtualBoard board)
    {
        _session = session;
        _rate = board.Source.SampleRate;
        _epochMicros = board.Device.Stream.EpochMicros;
        board.Source.EntryLog = _log;
        session.BlockReceived += OnBlock;
    }

    /// <summary>Attaches to a session on a launched virtual device, or returns null for a real device.</summary>
    public static LinkLatencyProbe? TryAttach(DeviceSession session) =>
        session.LaunchedDevice?.Handle is VirtualBoard board ? new LinkLatencyProbe(session, board) : null;

    /// <summary>Attaches to a session on a virtual device reached through a transport (the fake BLE peripheral's board).</summary>
    public static LinkLatencyProbe Attach(DeviceSession session, VirtualBoard board) => new(session, board);

    /// <summary>Blocks whose entry time had already left the log (should stay 0).</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    public LatencyStats Stats()
    {
        lock (_milliseconds)
        {
            return LatencyStats.Of(_milliseconds.ToArray());
        }
    }

    /// <summary>The latest measured latency in ms (NaN before the first block).</summary>
    public double Last()
    {
        lock (_milliseconds)
        {
            return _milliseconds.Count == 0 ? double.NaN : _milliseconds[^1];
        }
    }

    public void Dispose() => _session.BlockReceived -= OnBlock;

    /// <summary>
    /// Milliseconds from the last sample a decision covers entering the virtual ADC to the decision
    /// arriving in the host session (null when that sample already left the log).
    /// </summary>
    public double? EventLatencyMs(InferenceEvent e)
    {
        return _log.TryGetEntryTicks(FrameAt(e.DeviceTimestampMicros), out long entered) ? (e.ReceivedTicks - entered) * 1000.0 / Stopwatch.Frequency : null;
    }

    /// <summary>Blocks at the start left out of the statistics (JIT and thread start-up are not the link).</summary>
    public int WarmUpBlocks { get; init; } = 50;

    // ADC frame index of a device timestamp (frame 0 was sampled at the stream engine's epoch).
    private long FrameAt(long deviceMicros) => (long)Math.Round((deviceMicros - _epochMicros) * (double)_rate / 1e6);

    private void OnBlock(SampleBlock block)
    {
        if (Interlocked.Increment(ref _warmUpBlocks) <= WarmUpBlocks)
        {
            return;
        }

        if (!_log.TryGetEntryTicks(FrameAt(block.DeviceTimestampMicros) + block.SampleCount - 1, out long entered))
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }

        double ms = (block.ReceivedTicks - entered) * 1000.0 / Stopwatch.Frequency;
        lock (_milliseconds)
        {
            _milliseconds.Add(ms);
        }
    }
}
