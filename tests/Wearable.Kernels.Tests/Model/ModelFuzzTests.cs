using Wearable.Kernels.Model;
using Xunit.Abstractions;
using Wearable.Modeling.ModelFiles;

namespace Wearable.Kernels.Tests.Model;

/// <summary>
/// Seeded mutation fuzzing of the reader: bit flips, byte rewrites, small-integer pokes, truncations
/// and extensions of valid files. Half the mutants get their CRC re-sealed so that the structural
/// checks, not only the checksum, are exercised. Anything but ModelFormatException fails the test;
/// a mutant that still loads must run.
/// </summary>
public class ModelFuzzTests
{
    private const int Mutations = 100_000;
    private readonly ITestOutputHelper _output;

    public ModelFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Mutated_and_truncated_files_only_ever_raise_ModelFormatException()
    {
        byte[][] seeds =
        {
            ModelFixtures.AllOps(1).Build(),
            ModelFixtures.AllOps(2).Build(),
            ExampleModels.RandomEmgCnn(frames: 8, channels: 2, hidden: 4),
        };
        var random = new Random(20261121);
        int rejected = 0;
        int loaded = 0;
        int structural = 0;
        var frames = new short[64];
        for (int i = 0; i < frames.Length; i++)
        {
            frames[i] = (short)(i * 997 % 4001 - 2000);
        }

        for (int i = 0; i < Mutations; i++)
        {
            byte[] seed = seeds[i % seeds.Length];
            byte[] mutant = Mutate(seed, random);
            bool resealed = random.Next(2) == 0;
            if (resealed)
            {
                ModelFixtures.FixCrc(mutant);
            }

            try
            {
                var runner = ModelRunner.Load(mutant);
                runner.Invoke();
                RunPipeline(runner.Model, frames);
                loaded++;
            }
            catch (ModelFormatException ex)
            {
                rejected++;
                if (ex.Field != "crc32" && ex.Field != "header.file_length")
                {
                    structural++;
                }
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {i} (resealed={resealed}) raised {ex.GetType().Name}: {ex.Message}\n{Convert.ToHexString(mutant)}");
            }
        }

        _output.WriteLine($"{Mutations} mutants: {rejected} rejected ({structural} by structural checks), {loaded} loaded and ran");
        Assert.Equal(Mutations, rejected + loaded);
        Assert.True(structural > Mutations / 10, $"only {structural} mutants reached the structural checks");
        Assert.True(loaded > 0, "no mutant survived: the mutations are too destructive to test the loaded path");
    }

    /// <summary>
    /// A loaded model's front end and spiking layers must also build and run: the reader's checks
    /// have to cover every precondition of the Dsp and Spiking kernels' constructors.
    /// </summary>
    private static void RunPipeline(ModelDefinition model, short[] frames)
    {
        if (!ModelPipeline.CanRun(model) || model.FrontEnd!.Channels * 4 > frames.Length)
        {
            return;
        }

        var pipeline = new ModelPipeline(model);
        for (int n = 0; n < 8; n++)
        {
            pipeline.Push(frames, 0);
        }
    }

    internal static byte[] Mutate(byte[] seed, Random r)
    {
        byte[] m = (byte[])seed.Clone();
        switch (r.Next(6))
        {
            case 0:
            {
                int flips = 1 + r.Next(4);
                for (int k = 0; k < flips; k++)
                {
                    m[r.Next(m.Length)] ^= (byte)(1 << r.Next(8));
                }

                return m;
            }

            case 1:
                m[r.Next(m.Length)] = (byte)r.Next(256);
                return m;
            case 2:
            {
                // Poke a small or extreme 16-bit value where counts, indices and shapes live.
                int at = r.Next(Math.Min(m.Length - 1, 400));
                int[] values = { 0, 1, 2, 255, 0xFF, 0xFFFF, 0x7FFF, 0x8000, r.Next(64) };
                int v = values[r.Next(values.Length)];
                m[at] = (byte)v;
                m[at + 1] = (byte)(v >> 8);
                return m;
            }

            case 3:
                return m.AsSpan(0, r.Next(m.Length)).ToArray();
            case 4:
            {
                // Truncate but keep the header's length field consistent.
                byte[] t = m.AsSpan(0, Math.Max(20, r.Next(m.Length))).ToArray();
                WriteLength(t);
                return t;
            }

            default:
            {
                byte[] e = new byte[m.Length + 1 + r.Next(16)];
                m.CopyTo(e, 0);
                WriteLength(e);
                return e;
            }
        }
    }

    private static void WriteLength(byte[] file)
    {
        if (file.Length >= 12)
        {
            BitConverter.TryWriteBytes(file.AsSpan(8, 4), file.Length);
        }
    }
}
