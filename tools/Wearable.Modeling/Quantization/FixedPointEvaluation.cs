using Wearable.Kernels.Model;
using Wearable.Modeling.Datasets;

namespace Wearable.Modeling.Quantization;

/// <summary>
/// Accuracy of an int8 model file on labelled windows, run through the shared <see cref="ModelRunner"/>
/// (the code the device runs), not a float simulation. Windows hold raw Myo values; each is quantized
/// with the file's input tensor scale and zero point relative to <c>floatInputScale</c>.
/// </summary>
public sealed class FixedPointEvaluation
{
    private readonly ModelRunner _runner;
    private readonly sbyte[] _input;
    private readonly double _inputScale;
    private readonly int _inputZero;

    public FixedPointEvaluation(byte[] modelFile)
    {
        _runner = ModelRunner.Load(modelFile);
        TensorInfo input = _runner.Model.Tensors[_runner.Model.GraphInput];
        _input = new sbyte[_runner.InputBytes];
        _inputScale = BitConverter.Int32BitsToSingle(input.ScaleBits);
        _inputZero = input.ZeroPoint;
    }

    public ModelRunner Runner => _runner;

    /// <summary>The real value of one raw input count (the float model's InputScale); the input tensor's scale when it folds the normalisation.</summary>
    public double RawScale { get; set; } = double.NaN;

    public int Predict(float[] windows, int offset)
    {
        double raw = double.IsNaN(RawScale) ? _inputScale : RawScale;
        PostTrainingQuantizer.QuantizeInput(windows, offset, _input, _input.Length, _inputScale, raw, _inputZero);
        _runner.SetInput(_input, 0);
        _runner.Invoke();
        return _runner.Decide();
    }

    public double Accuracy(WindowSet windows)
    {
        if (windows.WindowSize != _input.Length)
        {
            throw new ArgumentException("Windows hold " + windows.WindowSize + " values; the model's input tensor holds " + _input.Length + ".", nameof(windows));
        }

        int correct = 0;
        for (int w = 0; w < windows.Count; w++)
        {
            if (Predict(windows.Data, w * windows.WindowSize) == windows.Label(w))
            {
                correct++;
            }
        }

        return windows.Count == 0 ? double.NaN : (double)correct / windows.Count;
    }

    /// <summary>At most <paramref name="max"/> windows spread evenly over <paramref name="windows"/> (calibration needs coverage, not volume).</summary>
    public static WindowSet Subsample(WindowSet windows, int max)
    {
        int step = Math.Max(1, (windows.Count + max - 1) / max);
        return windows.Where(i => i % step == 0);
    }

    /// <summary>
    /// Quantizes <paramref name="model"/> calibrated on (a subsample of) <paramref name="train"/> and returns its int8 accuracy on <paramref name="test"/>.
    /// An L2MU network is exported to its integer model file instead and scored through the shared ModelPipeline.
    /// </summary>
    public static double QuantizeAndScore(Training.IClassifierModel model, WindowSet train, WindowSet test, QuantizationOptions? options = null, int calibrationWindows = 2000) =>
        QuantizeAndScore(model, train, test, out _, options, calibrationWindows);

    /// <summary>The same, also handing out the int8 file's runner (its weight and arena bytes, MACs); null for an L2MU, which has no CNN.</summary>
    public static double QuantizeAndScore(Training.IClassifierModel model, WindowSet train, WindowSet test, out ModelRunner? runner, QuantizationOptions? options = null, int calibrationWindows = 2000)
    {
        if (model is Training.L2muNetwork l2mu)
        {
            runner = null;
            return L2muExporter.ExportAndScore(l2mu, test);
        }

        var quantized = PostTrainingQuantizer.Quantize(model, Subsample(train, calibrationWindows), options ?? QuantizationOptions.HostScoringOnly());
        var evaluation = new FixedPointEvaluation(quantized.File);
        runner = evaluation.Runner;
        return evaluation.Accuracy(test);
    }
}
