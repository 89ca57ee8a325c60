using Wearable.Kernels.Model;
using Wearable.Modeling.Datasets;

namespace Wearable.Modeling.Quantization;

/// <summary>
/// Accuracy of a spiking model file (front end with a delta encoder feeding spiking layers, e.g. an
/// L2MU cell) on labelled windows, run through the shared <see cref="ModelPipeline"/>: per window the
/// pipeline is reset, the window's raw samples (rounded to int16) are pushed, and the decision after
/// the last sample is the argmax of the output spike counts. No float simulation.
/// </summary>
public sealed class SpikingModelEvaluation
{
    private readonly ModelPipeline _pipeline;
    private readonly short[] _frame;
    private readonly int _window;

    public SpikingModelEvaluation(byte[] modelFile)
    {
        Model = ModelReader.Read(modelFile);
        if (Model.HasCnn || Model.SpikingLayers.Length == 0 || !ModelPipeline.CanRun(Model))
        {
            throw new InvalidOperationException("Not a spiking model file the pipeline can run (needs a delta-encoder front end feeding spiking layers and no CNN).");
        }

        _pipeline = new ModelPipeline(Model);
        _frame = new short[Model.Input.Channels];
        _window = Model.Input.WindowSamples;
        if (Model.Input.HopSamples != _window)
        {
            throw new InvalidOperationException("Per-window evaluation needs hop_samples = window_samples; the file has " + Model.Input.HopSamples + " and " + _window + ".");
        }
    }

    public ModelDefinition Model { get; }

    public ModelPipeline Pipeline => _pipeline;

    /// <summary>Bytes of the spiking layers' weight blocks.</summary>
    public long WeightBytes => Model.SpikingLayers.Sum(l => l.Blocks.Sum(b => (long)b.ByteCount));

    public int Predict(float[] windows, int offset)
    {
        int channels = _frame.Length;
        _pipeline.Reset();
        for (int t = 0; t < _window; t++)
        {
            for (int c = 0; c < channels; c++)
            {
                _frame[c] = (short)Math.Clamp(MathF.Round(windows[offset + (t * channels) + c], MidpointRounding.AwayFromZero), short.MinValue, short.MaxValue);
            }

            _pipeline.Push(_frame, 0);
        }

        return _pipeline.Decision;
    }

    public double Accuracy(WindowSet windows)
    {
        if (windows.Length != _window || windows.Channels != _frame.Length)
        {
            throw new ArgumentException("Windows are " + windows.Length + " x " + windows.Channels + "; the model takes " + _window + " x " + _frame.Length + ".", nameof(windows));
        }

        int correct = 0;
        for (int w = 0; w < windows.Count; w++)
        {
            correct += Predict(windows.Data, w * windows.WindowSize) == windows.Label(w) ? 1 : 0;
        }

        return windows.Count == 0 ? double.NaN : (double)correct / windows.Count;
    }
}
