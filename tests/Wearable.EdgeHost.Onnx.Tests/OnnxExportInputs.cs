using Microsoft.ML.OnnxRuntime.Tensors;
using Wearable.EdgeHost.Onnx.Export;

namespace Wearable.EdgeHost.Onnx.Tests;

/// <summary>int8 tensors of our runner as the uint8 (x + 128) tensors an exported graph takes.</summary>
public static class OnnxExportInputs
{
    public const string Nwc = OnnxModelExporter.InputName;

    public static DenseTensor<byte> Uint8(sbyte[] values, params int[] dims) =>
        new(values.Select(v => (byte)(v + 128)).ToArray(), dims);

    /// <summary>[time][channel] values as [1][channel][time], the layout inside the graph.</summary>
    public static DenseTensor<byte> Uint8Ncw(sbyte[] values, int length, int channels)
    {
        var ncw = new byte[values.Length];
        for (int t = 0; t < length; t++)
        {
            for (int c = 0; c < channels; c++)
            {
                ncw[c * length + t] = (byte)(values[t * channels + c] + 128);
            }
        }

        return new DenseTensor<byte>(ncw, new[] { 1, channels, length });
    }
}
