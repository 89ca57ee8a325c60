namespace Wearable.EdgeHost.Sessions;

/// <summary>
/// The session's fixed-size history of samples, rows as in <see cref="BoardDescription"/>. When full, the
/// oldest samples are overwritten and counted in <see cref="Overwritten"/>. Thread-safe: the receive loop
/// appends while the user reads.
/// </summary>
public sealed class SampleRingBuffer
{
    private readonly double[][] _rows;
    private readonly object _gate = new();
    private int _start;
    private int _count;

    public SampleRingBuffer(int rows, int capacity)
    {
        if (rows <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, "Need at least one row.");
        }

        if (capacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Capacity is in samples and must be positive.");
        }

        _rows = new double[rows][];
        for (int r = 0; r < rows; r++)
        {
            _rows[r] = new double[capacity];
        }

        Capacity = capacity;
    }

    public int Capacity { get; }

    public int RowCount => _rows.Length;

    /// <summary>Samples currently held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Samples dropped because the buffer was full before anyone read them.</summary>
    public long Overwritten { get; private set; }

    /// <summary>Appends one sample (one value per row).</summary>
    public void Append(ReadOnlySpan<double> sample)
    {
        if (sample.Length != _rows.Length)
        {
            throw new ArgumentException($"A sample has {_rows.Length} rows, got {sample.Length}.", nameof(sample));
        }

        lock (_gate)
        {
            int index = (_start + _count) % Capacity;
            for (int r = 0; r < _rows.Length; r++)
            {
                _rows[r][index] = sample[r];
            }

            if (_count == Capacity)
            {
                _start = (_start + 1) % Capacity;
                Overwritten++;
            }
            else
            {
                _count++;
            }
        }
    }

    /// <summary>The latest <paramref name="samples"/> samples (or fewer), oldest first, without removing them.</summary>
    public double[][] GetCurrentData(int samples)
    {
        if (samples < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "Ask for zero or more samples.");
        }

        lock (_gate)
        {
            int take = Math.Min(samples, _count);
            return Copy(_count - take, take);
        }
    }

    /// <summary>Everything held, oldest first, and empties the buffer (BrainFlow's get_board_data).</summary>
    public double[][] GetAllData()
    {
        lock (_gate)
        {
            double[][] data = Copy(0, _count);
            _start = (_start + _count) % Capacity;
            _count = 0;
            return data;
        }
    }

    private double[][] Copy(int offset, int length)
    {
        var data = new double[_rows.Length][];
        for (int r = 0; r < _rows.Length; r++)
        {
            data[r] = new double[length];
            for (int i = 0; i < length; i++)
            {
                data[r][i] = _rows[r][(_start + offset + i) % Capacity];
            }
        }

        return data;
    }
}
