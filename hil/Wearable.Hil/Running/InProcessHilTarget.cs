using System.Diagnostics;
using Wearable.Kernels.Hil;

namespace Wearable.Hil.Running;

/// <summary>
/// The shared adapters run on this machine: what the golden outputs are made with, and the desktop
/// side of the timing comparison (Stopwatch ticks).
/// </summary>
public sealed class InProcessHilTarget : IHilTarget
{
    /// <summary>HIL kernel name of the model file's adapter (the virtual board registers it under the same name).</summary>
    public const string ModelKernel = "model.example";

    private readonly Dictionary<string, HilAdapter> _adapters = HilAdapterCatalog.CreateAll().ToDictionary(a => a.Name, StringComparer.Ordinal);
    private readonly byte[] _output = new byte[HilAdapter.MaxOutput];

    private readonly int _timingRepeats;

    /// <param name="modelFile">Model whose runner becomes kernel <see cref="ModelKernel"/>; null = none.</param>
    /// <param name="timingRepeats">
    /// 1: time the one run that makes the output. More: that run warms the kernel up, then this many runs are
    /// timed and averaged (the desktop side of a nanoCLR/.NET ratio, comparable with nanoclr://?repeats=N).
    /// </param>
    public InProcessHilTarget(string? modelFile = null, int timingRepeats = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timingRepeats, 1);
        _timingRepeats = timingRepeats;
        if (modelFile is not null)
        {
            var model = new ModelHilAdapter(ModelKernel, File.ReadAllBytes(modelFile));
            _adapters.Add(ModelKernel, model);
            ModelInputBytes = model.InputBytes;
        }
    }

    /// <summary>Window bytes of the model kernel (0 without a model).</summary>
    public int ModelInputBytes { get; }

    public string Description => "in-process (" + Environment.OSVersion.Platform + ", .NET " + Environment.Version + ")";

    public IReadOnlyCollection<string> Kernels => _adapters.Keys;

    public HilOutcome Run(string kernel, byte[] input, TimeSpan timeout)
    {
        if (!_adapters.TryGetValue(kernel, out HilAdapter? adapter))
        {
            return HilOutcome.Failed($"unknown kernel '{kernel}'");
        }

        long start = Stopwatch.GetTimestamp();
        int produced = adapter.Run(input, 0, input.Length, _output, 0, _output.Length);
        long elapsed = Stopwatch.GetTimestamp() - start;
        if (_timingRepeats > 1 && produced >= 0)
        {
            // Adapters run from a reset state each time, so the repeats rewrite the same output bytes.
            start = Stopwatch.GetTimestamp();
            for (int r = 0; r < _timingRepeats; r++)
            {
                adapter.Run(input, 0, input.Length, _output, 0, _output.Length);
            }

            elapsed = (Stopwatch.GetTimestamp() - start) / _timingRepeats;
        }
        return produced < 0
            ? HilOutcome.Failed($"kernel '{kernel}' refused the input ({input.Length} bytes) as malformed")
            : new HilOutcome(_output.AsSpan(0, produced).ToArray(), elapsed, Stopwatch.Frequency);
    }

    /// <summary>Output bytes of one run (throws when the adapter refuses the input: a generator bug).</summary>
    public byte[] Expected(string kernel, byte[] input)
    {
        HilOutcome outcome = Run(kernel, input, TimeSpan.Zero);
        return outcome.Error is null ? outcome.Output : throw new InvalidOperationException(outcome.Error);
    }

    public void Dispose()
    {
    }
}
