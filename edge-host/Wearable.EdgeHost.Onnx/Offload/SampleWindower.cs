using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;

namespace Wearable.EdgeHost.Onnx.Offload;

/// <summary>
/// Samples in, CNN input windows out, exactly as <see cref="ModelPipeline"/> builds them on the device:
/// the model's front end (<see cref="FrontEndPipeline"/>) per frame, its outputs quantized into the
/// last row of a sliding int8 window, and a window handed out every hop_samples frames once full.
/// Any back end (our runner, the host fast path, ONNX Runtime) then runs the same windows.
/// </summary>
public sealed class SampleWindower
{
    private readonly FrontEndPipeline _frontEnd;
    private readonly ChannelQuantization _inputQuant;
    private readonly int _zeroPoint;
    private readonly int _frameBytes;
    private readonly int _hop;
    private int _framesInWindow;
    private int _samplesSinceWindow;

    public SampleWindower(ModelDefinition model)
    {
        FrontEndConfig? fe = model.FrontEnd;
        if (!model.HasCnn || fe == null || fe.CnnInputQuantTable < 0)
        {
            throw new ArgumentException("The model's front end does not feed a CNN graph, so there are no windows to run on the host.", nameof(model));
        }

        _frontEnd = new FrontEndPipeline(fe);
        _inputQuant = model.QuantTables[fe.CnnInputQuantTable];
        TensorInfo input = model.Tensors[model.GraphInput];
        _zeroPoint = input.ZeroPoint;
        _frameBytes = input.Channels;
        _hop = model.Input.HopSamples;
        Window = new sbyte[input.ByteCount];
        Channels = model.Input.Channels;
    }

    /// <summary>Input channels per sample frame.</summary>
    public int Channels { get; }

    /// <summary>The current window ([time][channel] int8); valid when <see cref="Push"/> returned true.</summary>
    public sbyte[] Window { get; }

    /// <summary>One interleaved int16 frame; true when a full window is due (every hop_samples frames).</summary>
    public bool Push(short[] samples, int offset)
    {
        if (_frontEnd.Push(samples, offset))
        {
            Array.Copy(Window, _frameBytes, Window, 0, Window.Length - _frameBytes);
            _frontEnd.QuantizeOutputs(_inputQuant, _zeroPoint, Window, Window.Length - _frameBytes);
            if (_framesInWindow * _frameBytes < Window.Length)
            {
                _framesInWindow++;
            }
        }

        _samplesSinceWindow++;
        if (_samplesSinceWindow < _hop || _framesInWindow * _frameBytes < Window.Length)
        {
            return false;
        }

        _samplesSinceWindow = 0;
        return true;
    }
}
