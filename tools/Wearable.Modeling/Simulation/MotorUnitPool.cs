namespace Wearable.Modeling.Simulation;

/// <summary>
/// One muscle's motor-unit pool after Fuglevand, Winter and Patla (1993): exponentially spread
/// recruitment thresholds (range RR), firing rate rising linearly from 8 Hz at threshold to a peak that
/// falls from 35 Hz (first unit) to 25 Hz (last), and Gaussian inter-spike intervals with a set CV.
/// </summary>
public sealed class MotorUnitPool
{
    private const double MinimumRate = 8.0;
    private const double RateGain = 1.0;
    private const double FirstPeakRate = 35.0;
    private const double PeakRateDrop = 10.0;

    private readonly double[] _threshold;
    private readonly double[] _peakRate;
    private readonly double[] _nextSpike;
    private readonly double _isiCv;
    private readonly double _sampleRate;

    public MotorUnitPool(int units, double recruitmentRange, double isiCv, double sampleRate)
    {
        if (units < 1 || recruitmentRange < 1 || isiCv < 0 || sampleRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(units), "Need at least one unit, a range >= 1, CV >= 0 and a positive rate.");
        }

        Units = units;
        _isiCv = isiCv;
        _sampleRate = sampleRate;
        _threshold = new double[units];
        _peakRate = new double[units];
        _nextSpike = new double[units];
        for (int i = 0; i < units; i++)
        {
            _threshold[i] = Math.Exp(Math.Log(recruitmentRange) * (i + 1) / units);
            _nextSpike[i] = double.NaN;
        }

        for (int i = 0; i < units; i++)
        {
            _peakRate[i] = FirstPeakRate - (PeakRateDrop * _threshold[i] / _threshold[units - 1]);
        }

        MaximumExcitation = _threshold[units - 1] + ((_peakRate[units - 1] - MinimumRate) / RateGain);
    }

    public int Units { get; }

    /// <summary>Excitation at which the last unit reaches its peak rate (Fuglevand's Emax).</summary>
    public double MaximumExcitation { get; }

    public double Threshold(int unit) => _threshold[unit];

    /// <summary>Firing rate in Hz of a unit at an excitation, 0 below its threshold.</summary>
    public double FiringRate(int unit, double excitation)
    {
        if (excitation < _threshold[unit])
        {
            return 0;
        }

        return Math.Min(_peakRate[unit], (RateGain * (excitation - _threshold[unit])) + MinimumRate);
    }

    /// <summary>
    /// Advances to frame <paramref name="frame"/> at a drive in [0, 1] of the maximum excitation and
    /// reports each unit that fires in this frame through <paramref name="onSpike"/>.
    /// </summary>
    public void Step(long frame, double drive, Pcg32 random, Action<int> onSpike)
    {
        double excitation = drive * MaximumExcitation;
        for (int i = 0; i < Units; i++)
        {
            double rate = FiringRate(i, excitation);
            if (rate <= 0)
            {
                _nextSpike[i] = double.NaN; // Derecruited: the unit waits for the drive to return.
                continue;
            }

            if (double.IsNaN(_nextSpike[i]))
            {
                // Newly recruited units start at a random phase so the pool does not fire in lockstep.
                _nextSpike[i] = frame + (random.NextDouble() * _sampleRate / rate);
                continue;
            }

            if (frame >= _nextSpike[i])
            {
                onSpike(i);
                double z = Math.Clamp(random.NextGaussian(), -3.9, 3.9);
                double interval = (_sampleRate / rate) * (1 + (_isiCv * z));
                _nextSpike[i] += Math.Max(interval, _sampleRate * 0.002);
                if (_nextSpike[i] <= frame)
                {
                    _nextSpike[i] = frame + 1;
                }
            }
        }
    }
}
