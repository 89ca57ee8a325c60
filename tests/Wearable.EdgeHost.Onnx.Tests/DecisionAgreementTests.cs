using Wearable.EdgeHost.Onnx.FastPath;
using Wearable.EdgeHost.Onnx.Offload;
using Wearable.EdgeHost.Onnx.Runtime;
using Wearable.Kernels.Model;
using Xunit.Abstractions;

namespace Wearable.EdgeHost.Onnx.Tests;

/// <summary>
/// Export -> ORT -> compare on real recordings: the whole graph's decisions on every window of real
/// sEMG, ORT against our runner (within the per-op 1 LSB bound differences can still propagate, so
/// agreement is measured, and must stay at least 99 %), and the host fast path (must agree always).
/// </summary>
public sealed class DecisionAgreementTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("gesture-default.wmdl")]
    [InlineData("gesture-cnn-small.wmdl")]
    public void OrtAndTheFastPathDecideLikeOurRunnerOnRealSemg(string file)
    {
        ModelDefinition model = ShippedModels.Read(Path.Combine("models", file));
        var windower = new SampleWindower(model);
        var portable = new ModelRunner(model);
        var fast = new HostFastRunner(model);
        using var ort = new OnnxRuntimeRunner(model);
        var ortOutput = new sbyte[ort.OutputBytes];
        var ourOutput = new sbyte[portable.OutputBytes];
        int windows = 0;
        int ortAgrees = 0;
        int fastAgrees = 0;
        int maxOutputDiff = 0;
        foreach (short[] recording in RealRecordings.Test0Repetitions("Female0", "Male0", "Male1"))
        {
            for (int frame = 0; frame + 8 <= recording.Length; frame += 8)
            {
                if (!windower.Push(recording, frame))
                {
                    continue;
                }

                portable.SetInput(windower.Window, 0);
                portable.Invoke();
                portable.GetOutput(ourOutput, 0);
                fast.SetInput(windower.Window, 0);
                fast.Invoke();
                ort.Run(windower.Window, 0, ortOutput, 0);
                int decision = portable.Decide();
                windows++;
                ortAgrees += ort.Decide() == decision ? 1 : 0;
                fastAgrees += fast.Decide() == decision ? 1 : 0;
                for (int i = 0; i < ourOutput.Length; i++)
                {
                    maxOutputDiff = Math.Max(maxOutputDiff, Math.Abs(ourOutput[i] - ortOutput[i]));
                }
            }
        }

        output.WriteLine($"{file}: {windows} windows; ORT agrees on {ortAgrees} ({100.0 * ortAgrees / windows:F2} %), max confidence difference {maxOutputDiff} LSB; fast path agrees on {fastAgrees}");
        Assert.True(windows > 1000, "too few windows: " + windows);
        Assert.Equal(windows, fastAgrees);
        Assert.True(ortAgrees >= 0.99 * windows, $"ORT agrees with our runner on only {ortAgrees} of {windows} windows");
    }
}
