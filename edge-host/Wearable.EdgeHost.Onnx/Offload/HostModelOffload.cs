using System.Diagnostics;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;

namespace Wearable.EdgeHost.Onnx.Offload;

/// <summary>
/// Runs a model on the host beside a <see cref="DeviceSession"/>, using only the session's public
/// streams: raw sample blocks in (<see cref="DeviceSession.BlockReceived"/>), decisions out as
/// <see cref="InferenceEvent"/>s, the same type as the device's own
/// (<see cref="DeviceSession.InferenceReceived"/>). Placement <see cref="ModelPlacement.Host"/> emits
/// the host's decisions; <see cref="ModelPlacement.Device"/> passes the device's through;
/// <see cref="ModelPlacement.Both"/> passes the device's through and compares each with the host's
/// decision of the same index (both pipelines restart at stream start: attach before starting the
/// stream, with inference events alongside a raw stream).
/// </summary>
public sealed class HostModelOffload : IDisposable
{
    private readonly object _lock = new();
    private readonly SampleWindower _windower;
    private readonly WindowClassifier? _classifier;
    private readonly Dictionary<long, int> _hostPending = new();
    private readonly Dictionary<long, int> _devicePending = new();
    private readonly short[] _frame;
    private DeviceSession? _session;
    private double _microsPerSample;

    public HostModelOffload(ModelDefinition model, ModelPlacement placement, HostBackend backend = HostBackend.OnnxRuntime)
    {
        Placement = placement;
        _windower = new SampleWindower(model);
        _frame = new short[_windower.Channels];
        if (placement != ModelPlacement.Device)
        {
            _classifier = new WindowClassifier(model, backend);
        }
    }

    /// <summary>Every decision of the chosen placement, as the session reports the device's.</summary>
    public event Action<InferenceEvent>? DecisionReceived;

    public ModelPlacement Placement { get; }

    public long HostDecisions { get; private set; }

    public long DeviceDecisions { get; private set; }

    /// <summary>Pairs of host and device decisions compared (placement Both).</summary>
    public long Compared { get; private set; }

    /// <summary>Compared pairs whose classes differed.</summary>
    public long Disagreements { get; private set; }

    /// <summary>Sample blocks of another kind than raw (the model's front end needs the ADC's samples), or of another channel count, which the host skipped.</summary>
    public long SkippedBlocks { get; private set; }

    public void Attach(DeviceSession session)
    {
        if (_session != null)
        {
            throw new InvalidOperationException("Already attached to a session; Detach first.");
        }

        _session = session;
        _microsPerSample = session.Board is { SamplingRate: > 0 } board ? 1e6 / board.SamplingRate : 0;
        session.BlockReceived += OnBlock;
        session.InferenceReceived += OnDeviceDecision;
    }

    public void Detach()
    {
        if (_session != null)
        {
            _session.BlockReceived -= OnBlock;
            _session.InferenceReceived -= OnDeviceDecision;
            _session = null;
        }
    }

    /// <summary>Runs the host model over one block (what the session's BlockReceived delivers).</summary>
    public void OnBlock(SampleBlock block)
    {
        if (_classifier == null)
        {
            return;
        }

        var decisions = new List<InferenceEvent>();
        lock (_lock)
        {
            if (block.Kind != StreamKind.Raw || block.ChannelCount != _frame.Length)
            {
                SkippedBlocks++;
                return;
            }

            for (int s = 0; s < block.SampleCount; s++)
            {
                Array.Copy(block.Counts, s * block.ChannelCount, _frame, 0, block.ChannelCount);
                if (!_windower.Push(_frame, 0))
                {
                    continue;
                }

                int decision = _classifier.Classify(_windower.Window, out double confidence);
                long index = HostDecisions++;
                if (Placement == ModelPlacement.Both)
                {
                    Compare(index, decision, _hostPending, _devicePending);
                    continue;
                }

                decisions.Add(new InferenceEvent((uint)index, decision, confidence,
                    block.DeviceTimestampMicros + (long)(s * _microsPerSample), block.UnixTimestamp + (s * _microsPerSample / 1e6), Stopwatch.GetTimestamp()));
            }
        }

        foreach (InferenceEvent decision in decisions)
        {
            DecisionReceived?.Invoke(decision);
        }
    }

    /// <summary>One decision of the device's model (what the session's InferenceReceived delivers).</summary>
    public void OnDeviceDecision(InferenceEvent inference)
    {
        if (Placement == ModelPlacement.Host)
        {
            return;
        }

        lock (_lock)
        {
            DeviceDecisions++;
            if (Placement == ModelPlacement.Both)
            {
                Compare(inference.Sequence, inference.ClassId, _devicePending, _hostPending);
            }
        }

        DecisionReceived?.Invoke(inference);
    }

    public void Dispose()
    {
        Detach();
        _classifier?.Dispose();
    }

    /// <summary>Pairs a decision with the other side's decision of the same index, whichever arrives first.</summary>
    private void Compare(long index, int decision, Dictionary<long, int> mine, Dictionary<long, int> theirs)
    {
        if (theirs.Remove(index, out int other))
        {
            Compared++;
            Disagreements += other != decision ? 1 : 0;
        }
        else
        {
            mine[index] = decision;
        }
    }
}
