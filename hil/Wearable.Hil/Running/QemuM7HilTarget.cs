using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Wearable.Hil.Running;

/// <summary>
/// The native C twins (native/) on an emulated Cortex-M7: QEMU's mps2-an500 boots the bare-metal HIL
/// image and the runner talks to it over the emulated UART0 on QEMU's stdio, one hex text line per
/// vector (docs/native.md). Connection string:
/// <c>qemu-m7://?image=../../native/build/m7/wearable-hil.elf[&amp;qemu=PATH][&amp;perturb=KERNEL]</c>,
/// the image relative to the rig file. A vector with no answer within the timeout kills QEMU (a hang);
/// a fault report or QEMU exiting is a crash: both fail that vector and every later one, never pass.
/// </summary>
public sealed class QemuM7HilTarget : IHilTarget
{
    public const string Scheme = "qemu-m7://";

    /// <summary>The image's timer: SYSCLK 25 MHz (under -icount shift=0 one tick is 40 guest instructions).</summary>
    public const long TimerHz = 25_000_000;

    private const int StderrLimit = 4096;

    private readonly Process _qemu;
    private readonly BlockingCollection<string> _lines = new();
    private readonly StringBuilder _stderr = new();
    private readonly Thread _reader;
    private string? _deadReason;

    private QemuM7HilTarget(Process qemu, string image)
    {
        _qemu = qemu;
        Image = image;
        _reader = new Thread(ReadLines) { IsBackground = true, Name = "qemu-m7 uart" };
        _reader.Start();
        _qemu.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                if (e.Data is not null && _stderr.Length < StderrLimit)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _qemu.BeginErrorReadLine();
    }

    /// <summary>Absolute path of the booted image.</summary>
    public string Image { get; }

    /// <summary>The image's READY line, e.g. "WEARABLE-M7 READY dsp=1 timer-hz=25000000".</summary>
    public string Banner { get; private set; } = string.Empty;

    public string Description => $"qemu-m7 (QEMU mps2-an500 Cortex-M7, {Banner.Replace("WEARABLE-M7 READY ", string.Empty, StringComparison.Ordinal)}, {Path.GetFileName(Path.GetDirectoryName(Image))}/{Path.GetFileName(Image)})";

    /// <summary>False once QEMU was stopped (hang, crash, disposal) or exited by itself.</summary>
    public bool IsRunning => _deadReason is null && !_qemu.HasExited;

    public static bool Handles(string target) => target.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The QEMU arguments that boot an image with one guest instruction per virtual nanosecond.</summary>
    public static string[] QemuArguments(string image) =>
    [
        "-M", "mps2-an500", "-cpu", "cortex-m7", "-display", "none", "-monitor", "none", "-serial", "stdio",
        "-semihosting-config", "enable=on,target=native", "-icount", "shift=0", "-kernel", image,
    ];

    /// <summary>Finds an executable on PATH (or an explicit path); null when absent.</summary>
    public static string? FindExecutable(string name)
    {
        if (name.Contains(Path.DirectorySeparatorChar))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Boots the image and waits for its READY line; throws <see cref="HilTargetException"/> with what to do.</summary>
    public static QemuM7HilTarget Start(string target, string rigDirectory, TimeSpan connectTimeout)
    {
        Dictionary<string, string> options = ParseOptions(target);
        if (!options.TryGetValue("image", out string? image))
        {
            throw new HilTargetException($"'{target}' names no image: use {Scheme}?image=../../native/build/m7/wearable-hil.elf (relative to the rig file)");
        }

        image = Path.GetFullPath(Path.Combine(rigDirectory, image));
        if (!File.Exists(image))
        {
            throw new HilTargetException($"M7 image {image} does not exist: build it with 'make -C native m7' (needs gcc-arm-none-eabi and libnewlib-arm-none-eabi)");
        }

        string qemuName = options.GetValueOrDefault("qemu", "qemu-system-arm");
        string qemu = FindExecutable(qemuName)
            ?? throw new HilTargetException($"{qemuName} is not installed: apt-get install qemu-system-arm (CI installs it from .ci/run)");

        var start = new ProcessStartInfo(qemu)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in QemuArguments(image))
        {
            start.ArgumentList.Add(argument);
        }

        var device = new QemuM7HilTarget(Process.Start(start) ?? throw new HilTargetException($"{qemu} did not start"), image);
        try
        {
            device.Banner = device.AwaitLine(l => l.StartsWith("WEARABLE-M7 READY", StringComparison.Ordinal), connectTimeout, "its READY line");
            if (options.TryGetValue("perturb", out string? perturbed))
            {
                device.Send("P " + perturbed);
                device.AwaitLine(l => l == "P ok", connectTimeout, "the perturbation acknowledgement");
            }
        }
        catch
        {
            device.Dispose();
            throw;
        }

        return device;
    }

    public HilOutcome Run(string kernel, byte[] input, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(input);
        if (_deadReason is not null)
        {
            return HilOutcome.Failed("the emulated M7 is not running: " + _deadReason);
        }

        Send("R " + kernel + " " + Convert.ToHexStringLower(input));
        string? line = NextLine(timeout);
        if (line is null)
        {
            return HilOutcome.Failed(_deadReason!);
        }

        if (line.StartsWith("O ", StringComparison.Ordinal))
        {
            string[] parts = line.Split(' ');
            if (parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks))
            {
                string hex = parts.Length > 2 ? parts[2] : string.Empty;
                try
                {
                    return new HilOutcome(Convert.FromHexString(hex), ticks, TimerHz);
                }
                catch (FormatException)
                {
                }
            }

            return HilOutcome.Failed($"garbled answer from the emulated M7: '{Shorten(line)}'");
        }

        if (line.StartsWith("E ", StringComparison.Ordinal))
        {
            return HilOutcome.Failed($"the emulated M7 answered an error for '{kernel}': {line[2..]}");
        }

        if (line.StartsWith("F ", StringComparison.Ordinal))
        {
            Stop($"it crashed on '{kernel}' ({line[2..]})");
            return HilOutcome.Failed(_deadReason!);
        }

        return HilOutcome.Failed($"unexpected line from the emulated M7: '{Shorten(line)}'");
    }

    /// <summary>Runs the image's benchmarks ("B") and returns its M lines.</summary>
    public IReadOnlyList<string> Benchmark(TimeSpan timeout)
    {
        Send("B");
        var lines = new List<string>();
        while (NextLine(timeout) is string line && line != "B done")
        {
            if (line.StartsWith("M ", StringComparison.Ordinal))
            {
                lines.Add(line);
            }
        }

        return _deadReason is null ? lines : throw new HilTargetException("the emulated M7 stopped during the benchmark: " + _deadReason);
    }

    public void Dispose()
    {
        if (_deadReason is null)
        {
            Send("Q");
            if (!_qemu.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                _qemu.Kill(entireProcessTree: true);
            }

            _deadReason = "disposed";
        }

        _qemu.WaitForExit();
        _reader.Join();
        _lines.Dispose();
        _qemu.Dispose();
    }

    private void Send(string line)
    {
        try
        {
            _qemu.StandardInput.Write(line + "\n");
            _qemu.StandardInput.Flush();
        }
        catch (IOException)
        {
            // QEMU has gone: the next read reports why.
        }
    }

    /// <summary>The next UART line, or null after recording why there is none (hang: QEMU killed; exit: crash).</summary>
    private string? NextLine(TimeSpan timeout)
    {
        try
        {
            if (_lines.TryTake(out string? line, timeout))
            {
                return line;
            }
        }
        catch (InvalidOperationException)
        {
            // Completed while waiting: QEMU's stdout closed.
        }

        if (_lines.IsAddingCompleted)
        {
            _qemu.WaitForExit();
            Stop($"QEMU exited with status {_qemu.ExitCode}{StderrNote()}");
        }
        else
        {
            Stop($"no answer within {timeout.TotalMilliseconds:0} ms (hung); QEMU was killed");
        }

        return null;
    }

    private string AwaitLine(Func<string, bool> wanted, TimeSpan timeout, string what)
    {
        while (true)
        {
            string? line = NextLine(timeout);
            if (line is null)
            {
                throw new HilTargetException($"the emulated M7 ({Image}) did not send {what}: {_deadReason}");
            }

            if (wanted(line))
            {
                return line;
            }
        }
    }

    private void Stop(string reason)
    {
        _deadReason ??= reason;
        if (!_qemu.HasExited)
        {
            _qemu.Kill(entireProcessTree: true);
        }
    }

    private void ReadLines()
    {
        try
        {
            while (_qemu.StandardOutput.ReadLine() is string line)
            {
                _lines.Add(line.TrimEnd('\r'));
            }
        }
        catch (IOException)
        {
        }
        finally
        {
            _lines.CompleteAdding();
        }
    }

    private string StderrNote()
    {
        lock (_stderr)
        {
            string text = _stderr.ToString().Trim();
            return text.Length == 0 ? string.Empty : ": " + text.ReplaceLineEndings(" ");
        }
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "...";

    private static Dictionary<string, string> ParseOptions(string target)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int query = target.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return options;
        }

        foreach (string pair in target[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new HilTargetException($"'{pair}' in '{target}' is not key=value (options: image, qemu, perturb)");
            }

            string key = pair[..eq];
            if (key is not ("image" or "qemu" or "perturb"))
            {
                throw new HilTargetException($"unknown option '{key}' in '{target}' (options: image, qemu, perturb)");
            }

            options[key] = pair[(eq + 1)..];
        }

        return options;
    }
}
