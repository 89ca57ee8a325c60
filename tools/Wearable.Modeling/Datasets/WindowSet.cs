namespace Wearable.Modeling.Datasets;

/// <summary>How a window that spans several per-frame labels gets its one label.</summary>
public enum WindowLabelRule
{
    /// <summary>The label of the newest frame: what a causal online decoder is judged against.</summary>
    LastFrame,

    /// <summary>The most frequent label in the window (ties go to the smaller label).</summary>
    Majority,

    /// <summary>Only windows whose frames all share one label; others are skipped.</summary>
    Unanimous,
}

/// <summary>
/// Fixed-length multichannel windows with one label each, stored as one float block laid out
/// [window][time][channel]: frames stay interleaved as a device delivers them, which is also the NWC
/// layout of the int8 CNN kernels.
/// </summary>
public sealed class WindowSet
{
    private float[] _data;
    private int[] _labels;
    private string[] _persons;
    private string[] _sessions;

    public WindowSet(int channels, int length, int capacity = 256)
    {
        if (channels <= 0 || length <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "Channels and window length must be positive.");
        }

        Channels = channels;
        Length = length;
        capacity = Math.Max(capacity, 1);
        _data = new float[capacity * channels * length];
        _labels = new int[capacity];
        _persons = new string[capacity];
        _sessions = new string[capacity];
    }

    public int Channels { get; }

    /// <summary>Samples per channel per window.</summary>
    public int Length { get; }

    public int Count { get; private set; }

    public int WindowSize => Channels * Length;

    public float[] Data => _data;

    public int Label(int window) => _labels[window];

    public string Person(int window) => _persons[window];

    public string Session(int window) => _sessions[window];

    public int[] Labels()
    {
        var copy = new int[Count];
        Array.Copy(_labels, copy, Count);
        return copy;
    }

    /// <summary>Copies window <paramref name="window"/> into <paramref name="destination"/> at <paramref name="offset"/>.</summary>
    public void CopyWindow(int window, float[] destination, int offset = 0) =>
        Array.Copy(_data, window * WindowSize, destination, offset, WindowSize);

    /// <summary>Cuts windows of <see cref="Length"/> frames every <paramref name="hop"/> frames out of a recording.</summary>
    public int AddRecording(LabelledRecording recording, int hop, WindowLabelRule rule = WindowLabelRule.LastFrame)
    {
        if (recording.Channels != Channels)
        {
            throw new ArgumentException(
                recording.Source + " has " + recording.Channels + " channels; this window set holds " + Channels + ".");
        }

        if (hop <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hop), hop, "Hop must be at least one frame.");
        }

        int added = 0;
        for (int start = 0; start + Length <= recording.Frames; start += hop)
        {
            int label = WindowLabel(recording, start, rule);
            if (label == LabelledRecording.NoLabel && rule == WindowLabelRule.Unanimous)
            {
                continue;
            }

            EnsureCapacity(Count + 1);
            int baseIndex = Count * WindowSize;
            for (int t = 0; t < Length; t++)
            {
                for (int c = 0; c < Channels; c++)
                {
                    _data[baseIndex + (t * Channels) + c] = recording.Sample(start + t, c);
                }
            }

            _labels[Count] = label;
            _persons[Count] = recording.PersonId;
            _sessions[Count] = recording.SessionId;
            Count++;
            added++;
        }

        return added;
    }

    /// <summary>A new set holding the windows whose index passes <paramref name="keep"/>.</summary>
    public WindowSet Where(Func<int, bool> keep)
    {
        var result = new WindowSet(Channels, Length, Math.Max(1, Count));
        for (int i = 0; i < Count; i++)
        {
            if (keep(i))
            {
                result.AddWindowFrom(this, i);
            }
        }

        return result;
    }

    public void AddWindowFrom(WindowSet other, int window)
    {
        if (other.Channels != Channels || other.Length != Length)
        {
            throw new ArgumentException("Window shapes differ.");
        }

        EnsureCapacity(Count + 1);
        Array.Copy(other._data, window * WindowSize, _data, Count * WindowSize, WindowSize);
        _labels[Count] = other._labels[window];
        _persons[Count] = other._persons[window];
        _sessions[Count] = other._sessions[window];
        Count++;
    }

    private int WindowLabel(LabelledRecording recording, int start, WindowLabelRule rule)
    {
        if (recording.FrameLabels is null)
        {
            return recording.SegmentLabel;
        }

        int[] labels = recording.FrameLabels;
        int end = start + Length;
        switch (rule)
        {
            case WindowLabelRule.LastFrame:
                return labels[end - 1];
            case WindowLabelRule.Unanimous:
                for (int t = start + 1; t < end; t++)
                {
                    if (labels[t] != labels[start])
                    {
                        return LabelledRecording.NoLabel;
                    }
                }

                return labels[start];
            default:
                var counts = new Dictionary<int, int>();
                int best = labels[start];
                for (int t = start; t < end; t++)
                {
                    counts[labels[t]] = counts.GetValueOrDefault(labels[t]) + 1;
                }

                foreach (var pair in counts)
                {
                    if (pair.Value > counts[best] || (pair.Value == counts[best] && pair.Key < best))
                    {
                        best = pair.Key;
                    }
                }

                return best;
        }
    }

    private void EnsureCapacity(int windows)
    {
        if (windows <= _labels.Length)
        {
            return;
        }

        int capacity = Math.Max(windows, _labels.Length * 2);
        Array.Resize(ref _data, capacity * WindowSize);
        Array.Resize(ref _labels, capacity);
        Array.Resize(ref _persons, capacity);
        Array.Resize(ref _sessions, capacity);
    }
}
