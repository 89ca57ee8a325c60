using Wearable.Kernels.Dsp;
using Wearable.Kernels.FixedPoint;
using Wearable.Kernels.Spiking;
using Wearable.Modeling.Dsp;
using Wearable.Modeling.Spiking;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests;

/// <summary>Every per-sample / per-step kernel call allocates nothing once constructed.</summary>
public class KernelAllocationTests
{
    private static readonly BiquadCascadeParameters Chain =
        FilterDesign.Quantize([.. FilterDesign.ButterworthHighPass(2, 20, 2000), .. FilterDesign.Notch(50, 20, 2000), .. FilterDesign.ButterworthLowPass(2, 450, 2000)], 8);

    [Fact]
    public void Fixed_point_primitives_do_not_allocate()
    {
        int sink = 0;
        AllocationAssert.ZeroBytes(() =>
        {
            sink += SaturatingArithmetic.Add32(sink, 5) + SaturatingArithmetic.Sub16(3, 4) + Q31.Multiply(sink, 77)
                + IntegerSqrt.Sqrt(123456789) + (int)Rounding.DivPow2TowardZero(-77, 3) + Rounding.RoundingDivPow2(sink, 4);
        }, what: "fixed-point primitives");
    }

    [Fact]
    public void Dsp_front_end_steps_do_not_allocate()
    {
        const int Channels = 16;
        var input = new short[Channels * 32];
        new Random(1).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(input.AsSpan()));
        var filtered = new int[input.Length];
        var envelopeOut = new int[input.Length];
        var decimated = new int[input.Length];
        var features = new int[Channels * WindowFeatures.FeaturesPerChannel];
        var cascade = new BiquadCascade(Chain, Channels);
        var blocker = new DcBlocker(FilterDesign.DcBlockerPole(0.5, 2000), 8, Channels);
        var envelope = new EnvelopeDetector(FilterDesign.Quantize(FilterDesign.ButterworthLowPass(2, 5, 2000), 8), Channels);
        var decimator = new Decimator(4, Channels);
        var window = new WindowFeatures(new WindowFeaturesParameters(64, 16, 100, 1000), Channels);
        var goertzel = new GoertzelBandPower(new GoertzelParameters([FilterDesign.GoertzelCoefficient(50, 2000)], 16, 2), Channels);

        AllocationAssert.ZeroBytes(() => cascade.StepInt16(3, 1234), what: "BiquadCascade.StepInt16");
        AllocationAssert.ZeroBytes(() => cascade.ProcessFrames(input, 0, filtered, 0, 32), what: "BiquadCascade.ProcessFrames(short)");
        AllocationAssert.ZeroBytes(() => cascade.ProcessFrames(filtered, 0, filtered, 0, 32), what: "BiquadCascade.ProcessFrames(int)");
        AllocationAssert.ZeroBytes(() => blocker.ProcessFrames(input, 0, filtered, 0, 32), what: "DcBlocker");
        AllocationAssert.ZeroBytes(() => envelope.ProcessFrames(filtered, 0, envelopeOut, 0, 32), what: "EnvelopeDetector");
        AllocationAssert.ZeroBytes(() => decimator.ProcessFrames(filtered, 0, 32, decimated, 0), what: "Decimator");
        AllocationAssert.ZeroBytes(() =>
        {
            if (window.PushFrame(filtered, 0))
            {
                window.WriteFeatures(features, 0);
            }
        }, what: "WindowFeatures");
        AllocationAssert.ZeroBytes(() => window.PushFrame(input, 0), what: "WindowFeatures(short)");
        AllocationAssert.ZeroBytes(() => goertzel.PushFrame(input, 0), what: "GoertzelBandPower");
    }

    [Fact]
    public void Spiking_steps_do_not_allocate()
    {
        var shape = new L2muShape();
        var (ip, cp) = L2muFactory.CreateRandom(1, shape);
        var (ipC, cpC) = L2muFactory.CreateRandom(2, shape, cuba: true);
        var input = new L2muInputModule(ip);
        var cell = new L2muCell(cp);
        var inputC = new L2muInputModule(ipC);
        var cellC = new L2muCell(cpC);
        short[] frames = L2muFactory.RandomFrames(1, shape.Channels, 1);
        var delta = new DeltaEncoder(shape.Channels, [1000]);

        AllocationAssert.ZeroBytes(() => delta.Step(frames, 0), what: "DeltaEncoder");
        AllocationAssert.ZeroBytes(() =>
        {
            input.Step(frames, 0);
            cell.Step(input.Output.ActiveIndices, input.Output.ActiveCount);
        }, what: "L2MU event-driven step (LIF)");
        AllocationAssert.ZeroBytes(() =>
        {
            input.Step(frames, 0);
            cell.StepDense(input.Output.Spikes, 0);
        }, what: "L2MU dense step (LIF)");
        AllocationAssert.ZeroBytes(() =>
        {
            inputC.Step(frames, 0);
            cellC.Step(inputC.Output.ActiveIndices, inputC.Output.ActiveCount);
            cellC.Decision();
        }, what: "L2MU event-driven step (CuBa)");
    }
}
