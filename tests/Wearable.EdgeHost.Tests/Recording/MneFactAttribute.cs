using System.Diagnostics;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>A fact that needs MNE-Python (Debian's python3-mne under /usr/bin/python3); skipped, with the reason, where it is absent.</summary>
public sealed class MneFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import mne"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        probe.WaitForExit();
        return probe.ExitCode == 0;
    });

    public MneFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "MNE-Python is not installed (apt-get install python3-mne): the independent MNE cross-check did not run.";
        }
    }
}
