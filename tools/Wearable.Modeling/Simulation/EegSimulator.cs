namespace Wearable.Modeling.Simulation;

/// <summary>Settings of <see cref="EegSimulator"/>.</summary>
public sealed class EegSimulatorOptions
{
    public ulong Seed { get; set; } = 1;

    public int Person { get; set; }

    public double SampleRate { get; set; } = 256;

    /// <summary>Electrode names; "TP"/"T"/ear-like names get strong jaw EMG, "AF"/"Fp" strong blinks.</summary>
    public string[] ChannelNames { get; set; } = ["TP9", "AF7", "AF8", "TP10"];

    public double BackgroundMicrovolts { get; set; } = 10;

    public double AlphaMicrovolts { get; set; } = 20;

    public double SsvepMicrovolts { get; set; } = 4;

    public double MainsHz { get; set; } = 50;

    public double MainsMicrovolts { get; set; } = 2;

    public double DriftMicrovolts { get; set; } = 10;

    public double MicrovoltsPerLsb { get; set; } = 0.1;
}

/// <summary>What the EEG simulator is doing at a frame, as bit flags (the per-frame label).</summary>
[Flags]
public enum EegActivity
{
    None = 0,
    EyesClosed = 1,
    Ssvep = 2,
    Blink = 4,
    JawClench = 8,
}

/// <summary>
/// Seeded EEG for the ear/forehead montage: 1/f background (a sum of one-pole low-passed noises with
/// log-spaced corners), alpha bursts while the eyes are closed, SSVEP at the stimulus frequency and its
/// harmonic, blinks (slow frontal bumps) and jaw clenches (broadband bursts strongest near the ear),
/// mains hum and drift, quantized to int16.
/// </summary>
public sealed class EegSimulator : ISignalSource
{
    private static readonly double[] s_pinkCorners = [0.3, 1.2, 4.8, 19.2, 76.8];

    private readonly EegSimulatorOptions _options;
    private readonly Pcg32 _random;
    private readonly double[][] _pink;       // [channel][stage]
    private readonly double[] _pinkAlpha;
    private readonly double[] _drift;
    private readonly double[] _blinkWeight;
    private readonly double[] _jawWeight;
    private readonly double[] _previousJaw;
    private readonly double _alphaHz;
    private double _alphaPhase;
    private double _alphaEnvelope;
    private double _ssvepPhase;
    private long _frame;
    private long _blinkStart = long.MinValue;
    private long _jawEnd = long.MinValue;

    public EegSimulator(EegSimulatorOptions options)
    {
        if (options.SampleRate < 64 || options.ChannelNames.Length == 0 || options.MicrovoltsPerLsb <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "EEG needs >= 64 Hz, at least one channel and a positive LSB size.");
        }

        _options = options;
        int channels = options.ChannelNames.Length;
        _random = Pcg32.For(options.Seed, "eeg", (ulong)options.Person);
        var person = Pcg32.For((ulong)options.Person, "eeg-person");
        _alphaHz = person.Uniform(9.0, 11.0);
        _pink = new double[channels][];
        _pinkAlpha = new double[s_pinkCorners.Length];
        for (int s = 0; s < s_pinkCorners.Length; s++)
        {
            _pinkAlpha[s] = 1 - Math.Exp(-2 * Math.PI * s_pinkCorners[s] / options.SampleRate);
        }

        _drift = new double[channels];
        _blinkWeight = new double[channels];
        _jawWeight = new double[channels];
        _previousJaw = new double[channels];
        for (int c = 0; c < channels; c++)
        {
            _pink[c] = new double[s_pinkCorners.Length];
            string name = options.ChannelNames[c].ToUpperInvariant();
            bool frontal = name.StartsWith("AF", StringComparison.Ordinal) || name.StartsWith("FP", StringComparison.Ordinal);
            bool ear = name.StartsWith("TP", StringComparison.Ordinal) || name.StartsWith('T') || name.Contains("EAR", StringComparison.Ordinal);
            _blinkWeight[c] = frontal ? 1.0 : 0.08;
            _jawWeight[c] = ear ? 1.0 : 0.4;
        }
    }

    public int Channels => _options.ChannelNames.Length;

    public double SampleRate => _options.SampleRate;

    public double MicrovoltsPerLsb => _options.MicrovoltsPerLsb;

    /// <summary>This person's alpha frequency (9-11 Hz).</summary>
    public double AlphaHz => _alphaHz;

    public bool EyesClosed { get; set; }

    /// <summary>Frequency of the flicker being watched, or 0 for none.</summary>
    public double SsvepHz { get; set; }

    public long Frame => _frame;

    /// <summary>Starts a blink now (about 300 ms, 150 uV on frontal electrodes).</summary>
    public void Blink() => _blinkStart = _frame;

    /// <summary>Clenches the jaw from now for a number of seconds.</summary>
    public void ClenchJaw(double seconds) => _jawEnd = _frame + (long)(seconds * SampleRate);

    public void FillBlock(short[] interleaved, int frames) => FillBlock(interleaved, frames, null);

    public void FillBlock(short[] interleaved, int frames, int[]? activity)
    {
        int channels = Channels;
        if (frames < 0 || interleaved.Length < frames * channels || (activity is not null && activity.Length < frames))
        {
            throw new ArgumentException("Buffer too small: need " + (frames * channels) + " samples for " + frames + " frames.");
        }

        double fs = SampleRate;
        double envelopeAlpha = 1 / (0.3 * fs);
        double driftAlpha = 1 / (2.0 * fs);
        for (int n = 0; n < frames; n++)
        {
            // Alpha: an oscillation with a slowly wandering phase whose envelope follows a smoothed
            // positive noise, so it waxes and wanes in bursts; it collapses when the eyes open.
            double envelopeTarget = EyesClosed ? Math.Abs(1 + (0.8 * _random.NextGaussian())) : 0.05;
            _alphaEnvelope += envelopeAlpha * (envelopeTarget - _alphaEnvelope);
            _alphaPhase += (2 * Math.PI * _alphaHz / fs) + (0.02 * _random.NextGaussian());
            double alpha = _options.AlphaMicrovolts * _alphaEnvelope * Math.Sin(_alphaPhase);

            double ssvep = 0;
            if (SsvepHz > 0)
            {
                _ssvepPhase += 2 * Math.PI * SsvepHz / fs;
                ssvep = _options.SsvepMicrovolts * (Math.Sin(_ssvepPhase) + (0.4 * Math.Sin(2 * _ssvepPhase)));
            }

            double blink = 0;
            long sinceBlink = _frame - _blinkStart;
            if (sinceBlink >= 0 && sinceBlink < 0.4 * fs)
            {
                double x = (sinceBlink / fs) - 0.15;
                blink = 150 * Math.Exp(-x * x / (2 * 0.05 * 0.05));
            }

            bool jaw = _frame < _jawEnd;
            for (int c = 0; c < channels; c++)
            {
                double white = _random.NextGaussian();
                double pink = 0;
                double[] stages = _pink[c];
                for (int s = 0; s < stages.Length; s++)
                {
                    // Each stage is a one-pole low-pass with unit gain at DC scaled so all stages carry
                    // similar power per octave: together a 1/f spectrum between the corners.
                    stages[s] += _pinkAlpha[s] * (white - stages[s]);
                    pink += stages[s] / Math.Sqrt(_pinkAlpha[s]);
                }

                double jawEmg = 0;
                if (jaw)
                {
                    double burst = 40 * _random.NextGaussian();
                    jawEmg = _jawWeight[c] * (burst - _previousJaw[c]); // first difference: broadband, high-frequency heavy
                    _previousJaw[c] = burst;
                }

                _drift[c] += (-_drift[c] * driftAlpha) + (_options.DriftMicrovolts * Math.Sqrt(2 * driftAlpha) * _random.NextGaussian());
                double microvolts = (_options.BackgroundMicrovolts * pink / 4)
                    + alpha + ssvep + (_blinkWeight[c] * blink) + jawEmg + _drift[c]
                    + (_options.MainsMicrovolts * Math.Sin(2 * Math.PI * _options.MainsHz * _frame / fs));
                interleaved[(n * channels) + c] = (short)Math.Clamp(Math.Round(microvolts / _options.MicrovoltsPerLsb), short.MinValue, short.MaxValue);
            }

            if (activity is not null)
            {
                var flags = (EyesClosed ? EegActivity.EyesClosed : 0) | (SsvepHz > 0 ? EegActivity.Ssvep : 0)
                    | (blink > 1 ? EegActivity.Blink : 0) | (jaw ? EegActivity.JawClench : 0);
                activity[n] = (int)flags;
            }

            _frame++;
        }
    }
}
