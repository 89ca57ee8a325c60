using Wearable.Kernels.Cnn;

namespace Wearable.EdgeHost.Onnx.FastPath;

/// <summary>
/// A <see cref="ChannelQuantization"/> laid out for <see cref="VectorRequantizer"/>: one multiplier,
/// left shift max(S, 0) and right shift max(-S, 0) per output channel (per-tensor tables repeated),
/// padded with zeros to whole vectors.
/// </summary>
public sealed class LaneRequantization
{
    public LaneRequantization(ChannelQuantization quant, int channels, int paddedChannels)
    {
        Multiplier = new int[paddedChannels];
        LeftShift = new int[paddedChannels];
        RightShift = new int[paddedChannels];
        for (int c = 0; c < channels; c++)
        {
            int q = quant.IsPerTensor ? 0 : c;
            Multiplier[c] = quant.Multipliers[q];
            LeftShift[c] = Math.Max(quant.Shifts[q], 0);
            RightShift[c] = Math.Max(-quant.Shifts[q], 0);
        }
    }

    public int[] Multiplier { get; }

    public int[] LeftShift { get; }

    public int[] RightShift { get; }
}
