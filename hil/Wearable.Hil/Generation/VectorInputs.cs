using System.Buffers.Binary;

namespace Wearable.Hil.Generation;

/// <summary>
/// Random inputs that satisfy each kernel's byte contract (docs/hil.md). Shapes here must match
/// HilAdapterCatalog; a mismatch shows up as the desktop adapter refusing the input at generation.
/// </summary>
public static class VectorInputs
{
    /// <summary>Input for vector <paramref name="index"/> of <paramref name="kernel"/>; vector 0 uses extreme values.</summary>
    public static byte[] Create(string kernel, Random rng, int index)
    {
        bool extreme = index == 0;
        var b = new List<byte>();
        switch (kernel)
        {
            case "dsp.biquad":
                Samples(b, rng, 2 * rng.Next(extreme ? 240 : 40, 241), extreme);
                break;
            case "dsp.window-features":
            case "dsp.goertzel":
                // At least one 64-sample Goertzel block (and so several 32-sample windows) per vector.
                Samples(b, rng, 2 * rng.Next(extreme ? 240 : 64, 241), extreme);
                break;
            case "eeg.artefacts":
            case "eeg.alpha":
            case "eeg.ssvep-cca":
                // Several 32-frame windows per vector; vector 0 saturates (every frame an artefact, clamped CCA inputs).
                Samples(b, rng, 2 * rng.Next(extreme ? 240 : 40, 241), extreme);
                break;
            case "dsp.envelope":
                Samples(b, rng, 2 * rng.Next(extreme ? 120 : 20, 121), extreme);
                break;
            case "snn.lif":
            case "snn.cuba-lif":
                int drives = 16 * rng.Next(1, 31);
                for (int i = 0; i < drives; i++)
                {
                    I16(b, (short)(extreme ? (i % 3 == 0 ? short.MaxValue : short.MinValue) : rng.Next(-200, 600)));
                }

                break;
            case "snn.l2mu":
                // Bursts of input spikes with a random density per vector, so hidden and output layers fire.
                int density = extreme ? 256 : rng.Next(40, 200);
                for (int s = rng.Next(extreme ? 480 : 60, 481); s > 0; s--)
                {
                    int bits = 0;
                    for (int i = 0; i < 8; i++)
                    {
                        bits |= rng.Next(256) < density ? 1 << i : 0;
                    }

                    b.Add((byte)bits);
                }

                break;
            case "cnn.conv1d.k3":
                Quant(b, rng, 4, extreme);
                S8(b, rng, 4 * 3 * 4, extreme);
                S8(b, rng, 4 * rng.Next(3, 33), extreme);
                break;
            case "cnn.conv1d.k5s2d2-same":
                Quant(b, rng, 5, extreme);
                S8(b, rng, 5 * 5 * 3, extreme);
                S8(b, rng, 3 * rng.Next(1, 41), extreme);
                break;
            case "cnn.depthwise.k3m2":
                Quant(b, rng, 8, extreme);
                S8(b, rng, 3 * 8, extreme);
                S8(b, rng, 4 * rng.Next(1, 41), extreme);
                break;
            case "cnn.pointwise.8x6":
                Quant(b, rng, 6, extreme);
                S8(b, rng, 6 * 8, extreme);
                S8(b, rng, 8 * rng.Next(1, 33), extreme);
                break;
            case "cnn.dense.32x10":
                Quant(b, rng, 10, extreme);
                S8(b, rng, 10 * 32, extreme);
                S8(b, rng, 32, extreme);
                break;
            case "cnn.maxpool.p2":
            case "cnn.avgpool.p3s2-same":
                Activation(b, rng, extreme);
                S8(b, rng, 4 * rng.Next(2, 129), extreme);
                break;
            case "cnn.add":
                Add(b, rng, extreme);
                break;
            case "cnn.softmax.8":
                S8(b, rng, 8 * rng.Next(1, 65), extreme);
                break;
            case "cnn.argmax":
                S8(b, rng, rng.Next(1, 257), extreme);
                break;
            case "cnn.requantize":
                I32(b, rng.Next(1 << 30, int.MaxValue));
                b.Add((byte)(sbyte)rng.Next(-20, 3));
                b.Add((byte)(sbyte)rng.Next(-128, 128));
                Activation(b, rng, extreme);
                for (int i = rng.Next(1, 241); i > 0; i--)
                {
                    I32(b, extreme ? (i % 2 == 0 ? int.MaxValue : int.MinValue) : rng.Next(-1 << 22, 1 << 22));
                }

                break;
            case "cnn.stream-conv.k3d2":
                Quant(b, rng, 4, extreme);
                S8(b, rng, 4 * 3 * 4, extreme);
                S8(b, rng, 4 * rng.Next(1, 65), extreme);
                break;
            default:
                throw new ArgumentException($"No vector generator for kernel '{kernel}'.", nameof(kernel));
        }

        return b.ToArray();
    }

    private static void Samples(List<byte> b, Random rng, int count, bool extreme)
    {
        // A noisy burst: sine-free so the generator stays integer; amplitude spans the int16 range.
        int amplitude = extreme ? 32767 : rng.Next(100, 20000);
        for (int i = 0; i < count; i++)
        {
            I16(b, (short)(extreme ? (i / 2 % 2 == 0 ? 32767 : -32768) : rng.Next(-amplitude, amplitude + 1)));
        }
    }

    private static void Quant(List<byte> b, Random rng, int channels, bool extreme)
    {
        I32(b, extreme ? 128 : rng.Next(-128, 129));
        I32(b, rng.Next(-128, 128));
        Activation(b, rng, extreme);
        for (int c = 0; c < channels; c++)
        {
            I32(b, rng.Next(1 << 30, int.MaxValue));
            b.Add((byte)(sbyte)rng.Next(-12, -5));
            I32(b, rng.Next(-5000, 5001));
        }
    }

    private static void Activation(List<byte> b, Random rng, bool extreme)
    {
        bool relu = !extreme && rng.Next(3) == 0;
        b.Add((byte)(sbyte)(relu ? 0 : -128));
        b.Add(127);
    }

    private static void Add(List<byte> b, Random rng, bool extreme)
    {
        I32(b, rng.Next(-128, 129));
        I32(b, rng.Next(-128, 129));
        I32(b, rng.Next(-128, 128));
        I32(b, 20);
        for (int i = 0; i < 3; i++)
        {
            I32(b, rng.Next(1 << 30, int.MaxValue));
            I32(b, i < 2 ? rng.Next(-3, 1) : rng.Next(-22, -17));
        }

        Activation(b, rng, extreme);
        int n = rng.Next(1, 481);
        S8(b, rng, n, extreme);
        S8(b, rng, n, extreme);
    }

    private static void S8(List<byte> b, Random rng, int count, bool extreme)
    {
        for (int i = 0; i < count; i++)
        {
            b.Add((byte)(sbyte)(extreme ? (i % 3 == 0 ? 127 : -128) : rng.Next(-128, 128)));
        }
    }

    private static void I16(List<byte> b, short value)
    {
        Span<byte> s = stackalloc byte[2];
        BinaryPrimitives.WriteInt16LittleEndian(s, value);
        b.AddRange(s.ToArray());
    }

    private static void I32(List<byte> b, int value)
    {
        Span<byte> s = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(s, value);
        b.AddRange(s.ToArray());
    }
}
