using Wearable.Hil.Running;
using Wearable.Hil.Suites;
using Wearable.Kernels.Hil;

namespace Wearable.Hil.Generation;

/// <summary>
/// Makes one golden suite per shared HIL adapter: seeded random inputs (VectorInputs) and the desktop
/// adapter's outputs. Each kernel's random stream is seeded from the run seed and the kernel name, so
/// adding a kernel leaves the other suites byte-identical.
/// </summary>
public static class SuiteGenerator
{
    public const ulong DefaultSeed = 20261121;
    public const int VectorsPerSuite = 12;

    public static string Command(ulong seed) => "wearable hil generate --seed " + seed;

    /// <summary>The example model the committed suites and the virtual rig use, relative to the repository root.</summary>
    public const string ExampleModel = "models/examples/random-emg-cnn-8ch.wmdl";

    public static IReadOnlyList<string> Kernels() => HilAdapterCatalog.CreateAll().Select(a => a.Name).ToList();

    /// <param name="modelFile">Model file for the "model.example" kernel (only needed for that kernel).</param>
    public static GoldenSuite Generate(string kernel, ulong seed, string? modelFile = null)
    {
        using var desktop = new InProcessHilTarget(modelFile);
        var rng = new Random(KernelSeed(kernel, seed));
        var vectors = new List<GoldenVector>();
        for (int v = 0; v < VectorsPerSuite; v++)
        {
            byte[] input = kernel == InProcessHilTarget.ModelKernel
                ? ModelWindow(rng, desktop.ModelInputBytes, v)
                : VectorInputs.Create(kernel, rng, v);
            vectors.Add(new GoldenVector(input, desktop.Expected(kernel, input)));
        }

        return new GoldenSuite(kernel, Command(seed), seed, vectors);
    }

    /// <summary>Writes every suite (plus "model.example" when a model file is given) into <paramref name="directory"/>; returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(string directory, ulong seed, string? modelFile = null)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        var kernels = Kernels().ToList();
        if (modelFile is not null)
        {
            kernels.Add(InProcessHilTarget.ModelKernel);
        }

        foreach (string kernel in kernels)
        {
            string path = Path.Combine(directory, kernel + ".hilsuite");
            Generate(kernel, seed, modelFile).Save(path);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>An int8 input window; vector 0 is full-scale alternating, the rest uniform noise.</summary>
    private static byte[] ModelWindow(Random rng, int bytes, int index)
    {
        var window = new byte[bytes];
        for (int i = 0; i < bytes; i++)
        {
            window[i] = (byte)(sbyte)(index == 0 ? (i % 2 == 0 ? 127 : -128) : rng.Next(-128, 128));
        }

        return window;
    }

    private static int KernelSeed(string kernel, ulong seed)
    {
        // FNV-1a over the name, mixed with the seed: stable across runs and .NET versions (unlike string.GetHashCode).
        ulong h = 14695981039346656037UL ^ seed;
        foreach (char c in kernel)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return (int)(h & 0x7FFFFFFF);
    }
}
