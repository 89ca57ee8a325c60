using System.Diagnostics;

namespace Wearable.Hil.NanoClr;

/// <summary>What a finished (or stopped) process printed; ExitCode is null when it was stopped at the timeout.</summary>
public sealed record ProcessResult(int? ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs a tool to completion or to its timeout, reading both streams so it can never block on a full pipe.</summary>
public static class ProcessRunner
{
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new Running.HilTargetException("could not start " + fileName);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessResult(null, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
