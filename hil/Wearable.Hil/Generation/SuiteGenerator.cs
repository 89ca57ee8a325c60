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

    public static IReadOnlyList<string> Kernels() => HilAdapterCatalog.CreateAll().Select(a => a.Name).ToList();

    public static GoldenSuite Generate(string kernel, ulong seed)
    {
        using var desktop = new InProcessHilTarget();
        var rng = new Random(KernelSeed(kernel, seed));
        var vectors = new List<GoldenVector>();
        for (int v = 0; v < VectorsPerSuite; v++)
        {
            byte[] input = VectorInputs.Create(kernel, rng, v);
            vectors.Add(new GoldenVector(input, desktop.Expected(kernel, input)));
        }

        return new GoldenSuite(kernel, Command(seed), seed, vectors);
    }

    /// <summary>Writes every suite into <paramref name="directory"/>; returns the paths in catalog order.</summary>
    public static IReadOnlyList<string> WriteAll(string directory, ulong seed)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (string kernel in Kernels())
        {
            string path = Path.Combine(directory, kernel + ".hilsuite");
            Generate(kernel, seed).Save(path);
            paths.Add(path);
        }

        return paths;
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
