namespace Wearable.Modeling.Simulation;

/// <summary>A key press the typing script produced: the frame its flexor burst starts at and the key.</summary>
public readonly record struct KeyEvent(long Frame, char Key);

/// <summary>
/// Seeded physiological sEMG: Fuglevand motor-unit pools in eight virtual forearm muscles, each spike
/// convolved with that unit's action-potential shape (Hermite-Rodriguez mixture) and mixed onto
/// electrodes around the wrist with an exponential angular fall-off; plus per-person gain and band
/// rotation, white noise, mains hum and baseline drift, quantized to int16. The same options give the
/// same bytes.
/// </summary>
public sealed class SemgSimulator : ISignalSource
{
    private readonly SemgSimulatorOptions _options;
    private readonly MotorUnitPool[] _pools;
    private readonly float[][][] _shapes;      // [muscle][unit][sample]
    private readonly float[][][] _gains;       // [muscle][unit][electrode]
    private readonly double[] _ring;           // future MUAP contributions, [slot][electrode]
    private readonly int _ringFrames;
    private readonly Pcg32 _timing;
    private readonly Pcg32 _noise;
    private readonly double[] _command;
    private readonly double[] _drive;
    private readonly double[] _drift;
    private readonly double[] _mainsPhase;
    private readonly List<(long Frame, double[] Drive, int Label)> _schedule = [];
    private readonly List<KeyEvent> _keys = [];
    private readonly double _activationAlpha;
    private int _muscle;
    private long _frame;

    public SemgSimulator(SemgSimulatorOptions options)
    {
        options.Validate();
        _options = options;
        int muscles = ForearmModel.Muscles.Length;
        int channels = options.Channels;
        var anatomy = Pcg32.For((ulong)options.Person, "anatomy");
        PersonGain = anatomy.Uniform(0.7, 1.4);
        ElectrodeRotation = anatomy.Uniform(-1, 1);
        _pools = new MotorUnitPool[muscles];
        _shapes = new float[muscles][][];
        _gains = new float[muscles][][];
        int longest = 1;
        for (int m = 0; m < muscles; m++)
        {
            _pools[m] = new MotorUnitPool(options.UnitsPerMuscle, options.RecruitmentRange, options.InterSpikeCv, options.SampleRate);
            _shapes[m] = new float[options.UnitsPerMuscle][];
            _gains[m] = new float[options.UnitsPerMuscle][];
            for (int u = 0; u < options.UnitsPerMuscle; u++)
            {
                double size = (double)u / options.UnitsPerMuscle;

                // Larger units have longer, bigger action potentials; tau 0.9-2.4 ms puts the spectral
                // peak of the first-order Hermite-Rodriguez shape (1 / (2 pi tau)) at 65-175 Hz.
                double tau = anatomy.Uniform(0.9, 1.7) * (1 + (0.4 * size)) * 1e-3;
                double mix = anatomy.Uniform(-0.6, 0.6);
                double amplitude = options.SmallestUnitMicrovolts * Math.Exp(Math.Log(options.AmplitudeRange) * size);
                _shapes[m][u] = ActionPotential(tau, mix, amplitude, options.SampleRate);
                longest = Math.Max(longest, _shapes[m][u].Length);

                double angle = ForearmModel.MuscleAngles[m] + (anatomy.NextGaussian() * 12);
                double depth = anatomy.Uniform(0.4, 1.0); // deeper units reach the skin weaker
                _gains[m][u] = new float[channels];
                for (int e = 0; e < channels; e++)
                {
                    double electrodeAngle = (e + ElectrodeRotation) * 360.0 / channels;
                    double distance = Math.Abs(Math.IEEERemainder(electrodeAngle - angle, 360));
                    _gains[m][u][e] = (float)(PersonGain * depth * Math.Exp(-distance / options.PickupDegrees));
                }
            }
        }

        _ringFrames = longest;
        _ring = new double[_ringFrames * channels];
        _timing = Pcg32.For(options.Seed, "timing", (ulong)options.Person);
        _noise = Pcg32.For(options.Seed, "noise", (ulong)options.Person);
        _command = ForearmModel.Synergy(0, 0);
        _drive = (double[])_command.Clone();
        _drift = new double[channels];
        _mainsPhase = new double[channels];
        for (int e = 0; e < channels; e++)
        {
            _mainsPhase[e] = _noise.Uniform(0, 2 * Math.PI);
        }

        _activationAlpha = 1 - Math.Exp(-1 / (options.ActivationSeconds * options.SampleRate));
        CurrentLabel = 0;
    }

    public int Channels => _options.Channels;

    public double SampleRate => _options.SampleRate;

    public double MicrovoltsPerLsb => _options.MicrovoltsPerLsb;

    /// <summary>This person's overall amplitude factor (0.7-1.4).</summary>
    public double PersonGain { get; }

    /// <summary>How far this person's band sits from the nominal placement, in electrode spacings (-1..1).</summary>
    public double ElectrodeRotation { get; }

    /// <summary>Frames produced so far.</summary>
    public long Frame => _frame;

    /// <summary>Label of the activity now being produced (gesture index; typing uses 0 between and during keys).</summary>
    public int CurrentLabel { get; private set; }

    /// <summary>Key presses scheduled by <see cref="TypeText"/>, with their start frames.</summary>
    public IReadOnlyList<KeyEvent> KeyEvents => _keys;

    /// <summary>Holds a gesture from now on at an effort in [0, 1] (0.5 is a firm, comfortable contraction).</summary>
    public void SetGesture(int gesture, double effort = 0.5) => Schedule(_frame, ForearmModel.Synergy(gesture, effort), gesture);

    /// <summary>Schedules a gesture to start at a later frame.</summary>
    public void ScheduleGesture(long frame, int gesture, double effort = 0.5) => Schedule(frame, ForearmModel.Synergy(gesture, effort), gesture);

    /// <summary>
    /// Schedules touch typing from now: each key is a 120 ms burst of its finger's flexor compartment,
    /// at <paramref name="keysPerSecond"/> (4-5 is typical) with 20 % timing jitter.
    /// </summary>
    public void TypeText(string text, double keysPerSecond = 4.5)
    {
        double framesPerKey = SampleRate / keysPerSecond;
        double at = _frame + (framesPerKey / 2);
        long press = (long)(0.12 * SampleRate);
        var resting = ForearmModel.Synergy(0, 0);
        resting[0] = 0.05; // the extensors hold the fingers over the keys
        Schedule(_frame, resting, 0);
        foreach (char key in text)
        {
            long start = (long)at;
            var pattern = (double[])resting.Clone();
            pattern[ForearmModel.TypingMuscle(key)] = 0.35;
            Schedule(start, pattern, 0);
            Schedule(start + press, resting, 0);
            _keys.Add(new KeyEvent(start, key));

            at += framesPerKey * (1 + (0.2 * Math.Clamp(_timing.NextGaussian(), -2, 2)));
        }
    }

    public void FillBlock(short[] interleaved, int frames) => FillBlock(interleaved, frames, null);

    /// <summary>Like <see cref="FillBlock(short[], int)"/>, also writing each frame's label.</summary>
    public void FillBlock(short[] interleaved, int frames, int[]? labels)
    {
        int channels = Channels;
        if (frames < 0 || interleaved.Length < frames * channels || (labels is not null && labels.Length < frames))
        {
            throw new ArgumentException("Buffer too small: need " + (frames * channels) + " samples for " + frames + " frames.");
        }

        double lsb = _options.MicrovoltsPerLsb;
        double driftAlpha = 1 / (2.0 * SampleRate); // ~2 s drift time constant
        double driftKick = _options.DriftMicrovolts * Math.Sqrt(2 * driftAlpha);
        double mainsStep = 2 * Math.PI * _options.MainsHz / SampleRate;
        for (int n = 0; n < frames; n++)
        {
            ApplySchedule();
            for (int m = 0; m < _pools.Length; m++)
            {
                _drive[m] += _activationAlpha * (_command[m] - _drive[m]);
                _muscle = m;
                _pools[m].Step(_frame, Math.Clamp(_drive[m], 0, 1), _timing, AddSpike);
            }

            int slot = (int)(_frame % _ringFrames) * channels;
            for (int e = 0; e < channels; e++)
            {
                _drift[e] += (-_drift[e] * driftAlpha) + (driftKick * _noise.NextGaussian());
                double microvolts = _ring[slot + e]
                    + (_options.NoiseMicrovolts * _noise.NextGaussian())
                    + (_options.MainsMicrovolts * Math.Sin(_mainsPhase[e] + (mainsStep * _frame)))
                    + _drift[e];
                _ring[slot + e] = 0;
                interleaved[(n * channels) + e] = (short)Math.Clamp(Math.Round(microvolts / lsb), short.MinValue, short.MaxValue);
            }

            if (labels is not null)
            {
                labels[n] = CurrentLabel;
            }

            _frame++;
        }
    }

    private void AddSpike(int unit)
    {
        float[] shape = _shapes[_muscle][unit];
        float[] gains = _gains[_muscle][unit];
        int channels = Channels;
        for (int k = 0; k < shape.Length; k++)
        {
            int slot = (int)((_frame + k) % _ringFrames) * channels;
            for (int e = 0; e < channels; e++)
            {
                _ring[slot + e] += shape[k] * gains[e];
            }
        }
    }

    private void Schedule(long frame, double[] drive, int label)
    {
        int at = _schedule.Count;
        while (at > 0 && _schedule[at - 1].Frame > frame)
        {
            at--;
        }

        _schedule.Insert(at, (frame, drive, label));
    }

    private void ApplySchedule()
    {
        while (_schedule.Count > 0 && _schedule[0].Frame <= _frame)
        {
            Array.Copy(_schedule[0].Drive, _command, _command.Length);
            CurrentLabel = _schedule[0].Label;
            _schedule.RemoveAt(0);
        }
    }

    /// <summary>
    /// A mixture of the first- and second-order Hermite-Rodriguez functions: a biphasic/triphasic
    /// spike of width tau, normalised to the given peak, spanning +-5 tau.
    /// </summary>
    private static float[] ActionPotential(double tau, double mix, double peakMicrovolts, double sampleRate)
    {
        int half = (int)Math.Ceiling(5 * tau * sampleRate);
        var shape = new float[(2 * half) + 1];
        double peak = 0;
        var values = new double[shape.Length];
        for (int k = 0; k < shape.Length; k++)
        {
            double x = (k - half) / (tau * sampleRate);
            double gauss = Math.Exp(-x * x / 2);
            values[k] = ((1 - Math.Abs(mix)) * x * gauss) + (mix * (1 - (x * x)) * gauss);
            peak = Math.Max(peak, Math.Abs(values[k]));
        }

        for (int k = 0; k < shape.Length; k++)
        {
            shape[k] = (float)(values[k] / peak * peakMicrovolts);
        }

        return shape;
    }
}
