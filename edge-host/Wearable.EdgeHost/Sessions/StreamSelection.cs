using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Sessions;

/// <summary>What to stream: which stream, how many samples per block (0 = about 10 ms) and which channels.</summary>
public sealed record StreamSelection
{
    public static StreamSelection Default { get; } = new();

    public StreamKind Kind { get; init; } = StreamKind.Raw;

    /// <summary>Samples per block; 0 picks about 10 ms, limited by the frame payload.</summary>
    public int BlockSamples { get; init; }

    /// <summary>Bit i selects channel i; all ones = every channel.</summary>
    public uint ChannelMask { get; init; } = uint.MaxValue;

    /// <summary>Also receive the active model's inference events with a Raw or Filtered stream.</summary>
    public bool WithInferenceEvents { get; init; }

    /// <summary>StartStream option bits for this selection.</summary>
    public int Options => WithInferenceEvents ? StartStreamMessage.OptionInferenceEvents : 0;

    /// <summary>The block size to ask for on a device with this rate and channel count.</summary>
    public int ResolveBlockSamples(int sampleRate, int channels)
    {
        int fit = (LinkProtocol.MaxPayloadLength - SampleBlockMessage.HeaderLength) / (2 * Math.Max(1, channels));
        int wanted = BlockSamples > 0 ? BlockSamples : Math.Max(1, sampleRate / 100);
        return Math.Clamp(wanted, 1, Math.Max(1, fit));
    }
}
