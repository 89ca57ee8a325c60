using System.Diagnostics;

namespace Wearable.FakeBlueZ;

/// <summary>
/// A private dbus-daemon for one test run, standing in for the system bus (a session-type bus lets the
/// fake own org.bluez and passes unix fds). CI installs dbus-daemon (.ci/install-test-packages.sh).
/// </summary>
public sealed class PrivateBus : IDisposable
{
    private readonly Process _daemon;

    private PrivateBus(Process daemon, string address)
    {
        _daemon = daemon;
        Address = address;
    }

    /// <summary>The unix:path=... address the daemon printed.</summary>
    public string Address { get; }

    public static PrivateBus Start()
    {
        string? daemonPath = new[] { "/usr/bin/dbus-daemon", "/bin/dbus-daemon", "/usr/local/bin/dbus-daemon" }.FirstOrDefault(File.Exists);
        if (daemonPath is null)
        {
            throw new InvalidOperationException("dbus-daemon is not installed; the BLE tests need it for their fake BlueZ: run .ci/install-test-packages.sh (apt-get install -y dbus-daemon).");
        }

        var start = new ProcessStartInfo(daemonPath, ["--session", "--nofork", "--nopidfile", "--print-address=1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process daemon = Process.Start(start) ?? throw new InvalidOperationException("dbus-daemon did not start.");
        string? address = daemon.StandardOutput.ReadLine();
        if (string.IsNullOrEmpty(address))
        {
            string error = daemon.StandardError.ReadToEnd();
            daemon.Kill();
            daemon.Dispose();
            throw new InvalidOperationException("dbus-daemon printed no address: " + error);
        }

        return new PrivateBus(daemon, address.Trim());
    }

    public void Dispose()
    {
        try
        {
            _daemon.Kill();
            _daemon.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }

        _daemon.Dispose();
    }
}
