namespace Wearable.Modeling.Simulation;

/// <summary>
/// A pull source of int16 frames, the shape a virtual device needs: ask for the next block and get it.
/// </summary>
public interface ISignalSource
{
    int Channels { get; }

    double SampleRate { get; }

    /// <summary>Microvolts represented by one int16 step.</summary>
    double MicrovoltsPerLsb { get; }

    /// <summary>Writes the next <paramref name="frames"/> frames, channels interleaved, into the start of <paramref name="interleaved"/>.</summary>
    void FillBlock(short[] interleaved, int frames);
}
