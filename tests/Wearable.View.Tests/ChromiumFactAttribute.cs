namespace Wearable.View.Tests;

/// <summary>
/// A browser test: runs against Debian's chromium (installed by .ci/install-test-packages.sh; Playwright
/// cannot download browsers here) and is skipped, saying why, only where that browser is missing.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where Debian's chromium package puts the browser (WEARABLE_CHROMIUM overrides).</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("WEARABLE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = "chromium is not installed at " + ExecutablePath + ": run .ci/install-test-packages.sh (as root) to install Debian's chromium";
        }
    }
}
