using Wearable.Kernels.Dsp;
using Wearable.Kernels.Spiking;
using Wearable.Modeling.Dsp;
using Wearable.Modeling.Spiking;

namespace Wearable.Cli.Bench;

/// <summary>
/// Issue 3's figures: the 16-channel sEMG front end at 2 kHz and the L2MU step (8 channels,
/// memory order 8, 64 hidden) dense versus event-driven at ~5 % activity.
/// </summary>
public static class DspSpikingBenchmarks
{
    private const int Channels = 16;
    private const int SampleRate = 2000;
    private const int BlockFrames = 200; // 100 ms per call

    private static string s_activity = "";

    public static IReadOnlyList<KernelBenchmark> Cases { get; } =
    [
        new("emg-front-end-16ch", "dsp",
            "16 ch at 2 kHz: high-pass 20 Hz + notch 50 Hz (Q 20) + low-pass 450 Hz, rectified 5 Hz envelope, MAV/RMS/WL/ZC/SSC over 200 ms every 50 ms",
            "multichannel sample", BlockFrames, FrontEnd, RealTimeUnitsPerSecond: SampleRate),
        new("l2mu-step-dense", "spiking",
            "L2MU step, 16 input spikes (8 ch up/down), memory 8 x order 8, 64 hidden, 7 outputs: every weight times its 0/1 spike",
            "step", 1, () => L2mu(eventDriven: false), Notes: () => s_activity),
        new("l2mu-step-event-driven", "spiking",
            "Same network and spikes, accumulating only the fan-out rows of active inputs",
            "step", 1, () => L2mu(eventDriven: true), Baseline: "l2mu-step-dense", Notes: () => s_activity),
    ];

    private static Action FrontEnd()
    {
        var frontEnd = new EmgFrontEnd(FrontEndDesign.Emg(SampleRate), Channels);
        var random = new Random(42);
        var input = new short[Channels * BlockFrames * 10];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (short)(random.Next(-8000, 8000) * ((i / (Channels * 500)) % 2 == 0 ? 1 : 0.2));
        }

        var filtered = new int[Channels * BlockFrames];
        var envelope = new int[Channels * BlockFrames];
        var features = new int[(BlockFrames / 100 + 1) * frontEnd.FeatureVectorLength];
        int block = 0;
        return () => frontEnd.ProcessFrames(input, (block++ % 10) * Channels * BlockFrames, BlockFrames, filtered, 0, envelope, 0, features, 0);
    }

    private static Action L2mu(bool eventDriven)
    {
        var shape = new L2muShape(Channels: 8, InputSpikes: 16, MemorySize: 8, Order: 8, HiddenSize: 64, Outputs: 7, Theta: 40);
        var (_, parameters) = L2muFactory.CreateRandom(7, shape);
        var spikes = InputSpikes(shape.InputSpikes, steps: 1000, activity: 0.05);
        Calibrate(parameters, spikes, target: 0.05);
        var cell = new L2muCell(parameters);
        var active = new int[shape.InputSpikes];
        int t = 0;
        return () =>
        {
            byte[] s = spikes[t++ % spikes.Length];
            if (eventDriven)
            {
                int count = 0;
                for (int j = 0; j < s.Length; j++)
                {
                    if (s[j] != 0)
                    {
                        active[count++] = j;
                    }
                }

                cell.Step(active, count);
            }
            else
            {
                cell.StepDense(s, 0);
            }
        };
    }

    private static byte[][] InputSpikes(int n, int steps, double activity)
    {
        var random = new Random(3);
        return Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, n).Select(_ => (byte)(random.NextDouble() < activity ? 1 : 0)).ToArray()).ToArray();
    }

    /// <summary>
    /// The random network is not trained, so its activity is arbitrary: scale each population's
    /// thresholds until u, m and h fire at about the target rate, then report what was reached.
    /// </summary>
    private static void Calibrate(L2muCellParameters p, byte[][] spikes, double target)
    {
        PopulationParameters[] populations = [p.U, p.M, p.H];
        double[] rates = new double[3];
        for (int iteration = 0; iteration < 120; iteration++)
        {
            var cell = new L2muCell(p);
            var counts = new long[3];
            var active = new int[spikes[0].Length];
            foreach (byte[] s in spikes.Take(300))
            {
                int count = 0;
                for (int j = 0; j < s.Length; j++)
                {
                    if (s[j] != 0)
                    {
                        active[count++] = j;
                    }
                }

                cell.Step(active, count);
                counts[0] += cell.U.ActiveCount;
                counts[1] += cell.Memory.ActiveCount;
                counts[2] += cell.Hidden.ActiveCount;
            }

            bool done = true;
            for (int k = 0; k < 3; k++)
            {
                rates[k] = counts[k] / (300.0 * populations[k].NeuronCount);
                double factor = rates[k] > target * 1.2 ? 1.1 : rates[k] < target * 0.6 ? 0.93 : 1.0;
                if (factor != 1.0)
                {
                    done = false;
                    int[] th = populations[k].Thresholds;
                    for (int i = 0; i < th.Length; i++)
                    {
                        th[i] = (int)Math.Clamp(th[i] * factor, 1, int.MaxValue / 2);
                    }
                }
            }

            if (done)
            {
                break;
            }
        }

        s_activity = $"activity: input 5 %, u {rates[0]:P1}, m {rates[1]:P1}, h {rates[2]:P1}";
    }
}
