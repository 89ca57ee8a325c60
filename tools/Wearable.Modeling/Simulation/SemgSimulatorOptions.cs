namespace Wearable.Modeling.Simulation;

/// <summary>Settings of <see cref="SemgSimulator"/>; defaults follow the research notes (§6.1, §6.5).</summary>
public sealed class SemgSimulatorOptions
{
    public ulong Seed { get; set; } = 1;

    /// <summary>Which simulated person: anatomy, gain and electrode rotation are drawn from this id.</summary>
    public int Person { get; set; }

    public int Channels { get; set; } = 8;

    public double SampleRate { get; set; } = 2000;

    public int UnitsPerMuscle { get; set; } = 120;

    public double RecruitmentRange { get; set; } = 30;

    public double InterSpikeCv { get; set; } = 0.2;

    /// <summary>Peak MUAP amplitude of the smallest unit on the nearest electrode, in microvolts.</summary>
    public double SmallestUnitMicrovolts { get; set; } = 20;

    /// <summary>Ratio of the largest unit's MUAP amplitude to the smallest.</summary>
    public double AmplitudeRange { get; set; } = 12;

    /// <summary>Angular spread of an electrode's pick-up, degrees (exponential fall-off).</summary>
    public double PickupDegrees { get; set; } = 35;

    public double NoiseMicrovolts { get; set; } = 5;

    public double MainsHz { get; set; } = 50;

    public double MainsMicrovolts { get; set; } = 8;

    public double DriftMicrovolts { get; set; } = 20;

    public double MicrovoltsPerLsb { get; set; } = 0.5;

    /// <summary>Time constant of the muscles' activation dynamics (drive follows commands smoothly).</summary>
    public double ActivationSeconds { get; set; } = 0.04;

    public void Validate()
    {
        if (Channels < 1 || Channels > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Channels), Channels, "Use 1..64 electrodes (8 or 16 around the wrist).");
        }

        if (SampleRate < 500 || SampleRate > 20000)
        {
            throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "sEMG needs 500..20000 Hz (2000 is typical).");
        }

        if (UnitsPerMuscle < 1 || MicrovoltsPerLsb <= 0 || InterSpikeCv < 0 || RecruitmentRange < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(UnitsPerMuscle), "Units >= 1, LSB size > 0, CV >= 0, recruitment range >= 1.");
        }
    }
}
