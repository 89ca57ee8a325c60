using System.Diagnostics;
using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Transports;

/// <summary>
/// Wraps a transport with a bandwidth cap, latency, byte drops and corruption (seeded). The cap is
/// enforced in the writer's thread: a write waits until the line would have carried the bytes before
/// it, which is the back-pressure that paces the device's main loop exactly as a real UART's TX FIFO
/// does. Every corrupted or dropped byte is recorded by its index in the device-to-host byte stream,
/// so a test knows which frames it damaged.
/// </summary>
public sealed class ImpairedTransport : IByteTransport, IDisposable
{
    private readonly IByteTransport _inner;
    private readonly LinkImpairments _impairments;
    private readonly Random _random;
    private readonly double _ticksPerByte;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<CorruptedByte> _corrupted = new();
    private readonly List<long> _dropped = new();
    private readonly DelayLine? _delayLine;
    private readonly byte[] _scratch = new byte[64 * 1024];
    private double _txFreeAt;
    private double _rxFreeAt;
    private long _txIndex;

    public ImpairedTransport(IByteTransport inner, LinkImpairments impairments)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _impairments = impairments ?? throw new ArgumentNullException(nameof(impairments));
        if (impairments.DropRate is < 0 or > 1 || impairments.CorruptionRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(impairments), "Drop and corruption rates are probabilities in [0, 1].");
        }

        _random = new Random(impairments.Seed);
        _ticksPerByte = impairments.BytesPerSecond > 0 ? (double)Stopwatch.Frequency / impairments.BytesPerSecond : 0;
        if (impairments.Latency > TimeSpan.Zero)
        {
            _delayLine = new DelayLine(inner, impairments.Latency);
        }
    }

    /// <summary>
    /// Drops and corruption happen only while this is true (tests switch them on after the handshake,
    /// so the damage falls on the stream under test). The bandwidth cap and latency always apply.
    /// </summary>
    public bool ErrorsEnabled { get; set; } = true;

    /// <summary>Device-to-host bytes offered to the line so far (dropped ones included).</summary>
    public long BytesOffered => Interlocked.Read(ref _txIndex);

    /// <summary>Corrupted bytes: index in the device-to-host byte stream, value before and after.</summary>
    public CorruptedByte[] CorruptedBytes()
    {
        lock (_corrupted)
        {
            return _corrupted.ToArray();
        }
    }

    /// <summary>Indices (in the device-to-host byte stream) of dropped bytes.</summary>
    public long[] DroppedByteIndices()
    {
        lock (_dropped)
        {
            return _dropped.ToArray();
        }
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        double now = _clock.ElapsedTicks;
        if (_ticksPerByte > 0 && _rxFreeAt > now)
        {
            // The host-to-device line is still busy carrying earlier bytes.
            return 0;
        }

        int n = _inner.Read(buffer, offset, count);
        if (_ticksPerByte > 0 && n > 0)
        {
            _rxFreeAt = now + (n * _ticksPerByte);
        }

        return n;
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        while (count > 0)
        {
            int n = Math.Min(count, _scratch.Length);
            int kept = Impair(buffer, offset, n);
            Pace(n);
            if (_delayLine is not null)
            {
                _delayLine.Enqueue(_scratch, kept);
            }
            else
            {
                _inner.Write(_scratch, 0, kept);
            }

            offset += n;
            count -= n;
        }
    }

    public void Dispose() => _delayLine?.Dispose();

    private int Impair(byte[] buffer, int offset, int count)
    {
        int kept = 0;
        for (int i = 0; i < count; i++)
        {
            long index = _txIndex++;
            byte b = buffer[offset + i];
            if (!ErrorsEnabled)
            {
                _scratch[kept++] = b;
                continue;
            }

            if (_impairments.DropRate > 0 && _random.NextDouble() < _impairments.DropRate)
            {
                lock (_dropped)
                {
                    _dropped.Add(index);
                }

                continue;
            }

            if (_impairments.CorruptionRate > 0 && _random.NextDouble() < _impairments.CorruptionRate)
            {
                // A non-zero xor mask, so the byte really changes.
                byte original = b;
                b ^= (byte)_random.Next(1, 256);
                lock (_corrupted)
                {
                    _corrupted.Add(new CorruptedByte(index, original, b));
                }
            }

            _scratch[kept++] = b;
        }

        return kept;
    }

    private void Pace(int bytes)
    {
        if (_ticksPerByte <= 0)
        {
            return;
        }

        // Wait until the line has finished the bytes before these, then book the line for these.
        double now = _clock.ElapsedTicks;
        if (_txFreeAt < now)
        {
            _txFreeAt = now;
        }

        double wait = _txFreeAt - now;
        if (wait > 0)
        {
            SleepTicks(wait);
        }

        _txFreeAt += bytes * _ticksPerByte;
    }

    private void SleepTicks(double ticks)
    {
        double until = _clock.ElapsedTicks + ticks;
        double remainingMs = ticks * 1000.0 / Stopwatch.Frequency;
        if (remainingMs > 1.5)
        {
            Thread.Sleep((int)(remainingMs - 1));
        }

        while (_clock.ElapsedTicks < until)
        {
            Thread.Yield();
        }
    }

    /// <summary>Delivers bytes to the inner transport after a fixed delay, in order, from its own thread.</summary>
    private sealed class DelayLine : IDisposable
    {
        private readonly IByteTransport _inner;
        private readonly TimeSpan _latency;
        private readonly Queue<(long DueTicks, byte[] Bytes)> _queue = new();
        private readonly Thread _pump;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private volatile bool _disposed;

        public DelayLine(IByteTransport inner, TimeSpan latency)
        {
            _inner = inner;
            _latency = latency;
            _pump = new Thread(Pump) { IsBackground = true, Name = "virtual-device-latency" };
            _pump.Start();
        }

        public void Enqueue(byte[] source, int count)
        {
            var copy = new byte[count];
            Array.Copy(source, copy, count);
            lock (_queue)
            {
                _queue.Enqueue((_clock.Elapsed.Add(_latency).Ticks, copy));
                Monitor.PulseAll(_queue);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            lock (_queue)
            {
                Monitor.PulseAll(_queue);
            }
        }

        private void Pump()
        {
            while (!_disposed)
            {
                byte[] bytes;
                lock (_queue)
                {
                    if (_queue.Count == 0)
                    {
                        Monitor.Wait(_queue, 100);
                        continue;
                    }

                    long wait = _queue.Peek().DueTicks - _clock.Elapsed.Ticks;
                    if (wait > 0)
                    {
                        Monitor.Wait(_queue, TimeSpan.FromTicks(wait));
                        continue;
                    }

                    bytes = _queue.Dequeue().Bytes;
                }

                _inner.Write(bytes, 0, bytes.Length);
            }
        }
    }
}

/// <summary>One byte the impairment layer changed.</summary>
public readonly record struct CorruptedByte(long Index, byte Original, byte Corrupted);
