using System.Diagnostics;

namespace Wearable.Modeling.Tests.Typing;

/// <summary>A fact that writes HDF5 files with h5py (Debian's python3-h5py under /usr/bin/python3, installed by .ci/install-test-packages.sh); skipped, with the reason, where it is absent.</summary>
public sealed class H5pyFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import h5py"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        probe.WaitForExit();
        return probe.ExitCode == 0;
    });

    public H5pyFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "h5py is not installed (apt-get install python3-h5py): the emg2qwerty HDF5 files could not be written.";
        }
    }

    /// <summary>Runs a Python script (h5py and numpy available) and fails the test with its stderr when it fails.</summary>
    public static void Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var python = Process.Start(start)!;
        string errors = python.StandardError.ReadToEnd();
        python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, "python3 failed: " + errors);
    }
}
