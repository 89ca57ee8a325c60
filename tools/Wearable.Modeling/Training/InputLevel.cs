using Wearable.Modeling.Datasets;

namespace Wearable.Modeling.Training;

/// <summary>
/// The signal level a model was trained at, matched on a new band: another sensor (or the simulator)
/// delivers the same muscles at a different count scale, and a CNN trained on one level misreads
/// another. The gain becomes the int8 model's input units per count, so the device's front end applies it.
/// </summary>
public static class InputLevel
{
    /// <summary>Root mean square over every value of every window.</summary>
    public static double Rms(WindowSet windows)
    {
        double sum = 0;
        long count = (long)windows.Count * windows.WindowSize;
        float[] data = windows.Data;
        for (long i = 0; i < count; i++)
        {
            sum += (double)data[i] * data[i];
        }

        return count == 0 ? 0 : Math.Sqrt(sum / count);
    }

    /// <summary>A copy of <paramref name="windows"/> with every value times <paramref name="gain"/>.</summary>
    public static WindowSet Scale(WindowSet windows, double gain)
    {
        var scaled = windows.Where(_ => true);
        long count = (long)scaled.Count * scaled.WindowSize;
        for (long i = 0; i < count; i++)
        {
            scaled.Data[i] = (float)(scaled.Data[i] * gain);
        }

        return scaled;
    }
}
