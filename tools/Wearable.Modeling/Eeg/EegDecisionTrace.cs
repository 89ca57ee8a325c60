using Wearable.Kernels.Eeg;

namespace Wearable.Modeling.Eeg;

/// <summary>
/// Every detector window of one recording as the device computes it (the shared
/// <see cref="EegDetectorPipeline"/>): frame of the window's last sample, whether the window was free
/// of artefacts, and the detector's confidence per target (SSVEP: rho per target; alpha: the share).
/// </summary>
public sealed class EegDecisionTrace
{
    public required int[] Frames { get; init; }
    public required bool[] Clean { get; init; }

    /// <summary>Q15 values per window: [window][target] (alpha: one value, the share).</summary>
    public required int[][] ValuesQ15 { get; init; }

    public int Count => Frames.Length;

    /// <summary>Runs the pipeline over interleaved int16 frames and records every window.</summary>
    public static EegDecisionTrace Run(EegDetectorConfig config, short[] samples, int channels)
    {
        var pipeline = new EegDetectorPipeline(config);
        int frames = samples.Length / channels;
        var at = new List<int>();
        var clean = new List<bool>();
        var values = new List<int[]>();
        int window = config.Kind == EegDetectorConfig.KindAlpha ? config.AlphaDetector!.Window : config.SsvepDetector!.Window;
        for (int t = 0; t < frames; t++)
        {
            pipeline.Push(samples, t * channels);
            if (!pipeline.DecisionDue)
            {
                continue;
            }

            at.Add(t);
            clean.Add(pipeline.Artefacts.CleanFrames >= window);
            if (pipeline.Ssvep is SsvepCcaDetector ssvep)
            {
                values.Add([.. Enumerable.Range(0, ssvep.TargetCount).Select(ssvep.CorrelationQ15)]);
            }
            else
            {
                values.Add([pipeline.Alpha!.ShareQ15]);
            }
        }

        return new EegDecisionTrace { Frames = [.. at], Clean = [.. clean], ValuesQ15 = [.. values] };
    }

    /// <summary>Index of the first window ending at or after a frame, or -1.</summary>
    public int FirstAtOrAfter(int frame)
    {
        int i = Array.BinarySearch(Frames, frame);
        i = i >= 0 ? i : ~i;
        return i < Frames.Length ? i : -1;
    }
}
