using System.Diagnostics;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>A fact that needs NumPy (Debian's python3-numpy under /usr/bin/python3); skipped, with the reason, where it is absent.</summary>
public sealed class NumpyFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists(MneFactAttribute.Python))
        {
            return false;
        }

        using var probe = Process.Start(new ProcessStartInfo(MneFactAttribute.Python, ["-c", "import numpy"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        probe.WaitForExit();
        return probe.ExitCode == 0;
    });

    public NumpyFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "NumPy is not installed (apt-get install python3-numpy): the independent numpy.load cross-check of the exports did not run.";
        }
    }
}
