using System.Diagnostics;

namespace Wearable.Firmware.Tests.VirtualDevice;

/// <summary>The virtual device exe as a child process on a pseudo-terminal, so a test can kill it.</summary>
internal sealed class VirtualDeviceProcess : IDisposable
{
    private readonly Process _process;

    private VirtualDeviceProcess(Process process, string ptyPath)
    {
        _process = process;
        PtyPath = ptyPath;
    }

    /// <summary>The /dev/pts/N path the device printed.</summary>
    public string PtyPath { get; }

    public static VirtualDeviceProcess Start(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Wearable.VirtualDevice.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the test project first: Wearable.VirtualDevice.dll is missing next to the tests.", dll);
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--transport");
        start.ArgumentList.Add("pty");
        start.ArgumentList.Add("--quiet");
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the virtual device.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        string? endpoint = process.StandardOutput.ReadLine();
        string? ready = process.StandardOutput.ReadLine();
        if (endpoint is null || !endpoint.StartsWith("pty ", StringComparison.Ordinal) || ready != "ready")
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The virtual device did not start: printed '{endpoint}' / '{ready}', exit code {(process.HasExited ? process.ExitCode : 0)}.");
        }

        return new VirtualDeviceProcess(process, endpoint["pty ".Length..]);
    }

    /// <summary>SIGKILL: no chance to flush or finish anything, like pulling the power.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
