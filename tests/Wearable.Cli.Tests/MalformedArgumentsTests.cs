using Xunit.Abstractions;
using System.CommandLine;
using Wearable.Cli;

namespace Wearable.Cli.Tests;

/// <summary>
/// Walks the real command tree: every verb, every option and argument, each given malformed values
/// (negative, zero, huge, not a number, missing file, a folder instead of a file, 300 characters).
/// Each must be refused at parse time (exit 2, an error line naming the option, a hint, no stack trace)
/// unless it is listed in <see cref="ValidValues"/> as a value the option really takes. Parse-time
/// refusal is what keeps this fast: no device, training or write starts.
/// </summary>
public sealed class MalformedArgumentsTests : IDisposable
{
    private readonly ITestOutputHelper _output;

    public MalformedArgumentsTests(ITestOutputHelper output) => _output = output;

    /// <summary>(verb path, option, value) a user may mean; documented in the option's description.</summary>
    private static readonly HashSet<string> ValidValues =
    [
        // Zero means "none", "off", "any" or "default" for these, as their --help says.
        "simulate --port 0", "simulate --baud 0", "simulate --latency-ms 0", "simulate --drop-rate 0", "simulate --corrupt-rate 0",
        "simulate --pairing-window 0", "simulate --measure 0", "simulate --seed 0", "simulate --impair-seed 0",
        "play --seconds 0", "play --pairing-window 0",
        "bench link --baud 0", "bench link --block-samples 0",
        "model example --seed 0", "hil generate --seed 0",
        "train --seed 0", "eval --seed 0", "train --final-epochs 0", "eval --final-epochs 0",
        "train --freeze 0", "eval --freeze 0", "train --rehearsal 0", "eval --rehearsal 0",
        "train --gain-jitter 0", "eval --gain-jitter 0", "train --channel-gain-jitter 0", "eval --channel-gain-jitter 0",
        "train --rotation 0", "eval --rotation 0", "train --rotation-jitter 0", "eval --rotation-jitter 0",
        "eval --test-repetitions 0", "eval --band-rotation 0", "eval --calibrate-reps 0", "eval --qat-epochs 0", "quantize --qat-epochs 0",
        "eval --qat-range-momentum 0", "quantize --qat-range-momentum 0",

        // A slot number, and a folder the verb creates.
        "model push --slot 0", "model activate --slot 0", "hil generate --out /nonexistent/wearable-folder",

        // Seeds are any unsigned 64-bit number.
        "train --seed 99999999999999999999", "eval --seed 99999999999999999999",

        // Zero means "a pseudo-terminal", "none" or "any seed"; a folder the verb creates.
        "device run --tcp 0", "device run --pairing-window 0", "device run --drdy-pin 0", "eval --mains 0", "record fuzz --seed 0",
        "record fuzz FILES /tmp",
        "firmware build --out /nonexistent/wearable-folder",
        "view --port 0", "view --out-dir /nonexistent/wearable-folder",

        // Any seed; no language model; no insertion bonus (their --help says so).
        "typing train --seed 0", "typing eval --seed 0", "typing live --seed 0",
        "typing eval --lm-weight 0", "typing live --lm-weight 0", "typing eval --insertion-bonus 0", "typing live --insertion-bonus 0",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("wearable-malformed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_option_of_every_verb_refuses_malformed_values_before_running()
    {
        var failures = new List<string>();
        int tried = 0;
        foreach ((string path, Command command) in LeafCommands(CommandCatalog.Build(), string.Empty))
        {
            foreach (Symbol symbol in Inputs(command))
            {
                foreach (string value in MalformedValues(symbol))
                {
                    string display = symbol is Option ? symbol.Name + " " + value : symbol.Name + "=" + value;
                    if (ValidValues.Contains(path + " " + symbol.Name + " " + value))
                    {
                        continue;
                    }

                    tried++;
                    string[] args = [.. path.Split(' '), .. Baseline(command, symbol), .. With(symbol, value)];
                    CliRunner.Result result = CliRunner.Run(args);
                    string where = "wearable " + path + " " + (value.Length > 40 ? display[..40] + "..." : display);
                    if (result.ExitCode != 2)
                    {
                        failures.Add($"{where}: exit {result.ExitCode}, not 2 (the value was not refused before the verb ran): {FirstLine(result)}");
                    }
                    else if (!result.Error.Contains(symbol.Name, StringComparison.Ordinal))
                    {
                        failures.Add($"{where}: the error does not name {symbol.Name}: {FirstLine(result)}");
                    }

                    AssertNoStackTrace(result, where, failures);
                }
            }
        }

        // docs/reliability.md quotes this count.
        _output.WriteLine($"{tried} malformed arguments tried, {failures.Count} not refused cleanly");
        Assert.True(tried > 300, $"only {tried} cases: the walk missed the command tree");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} malformed arguments were not refused cleanly:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Every_verb_that_fails_at_run_time_says_so_in_one_line_without_a_stack_trace()
    {
        var failures = new List<string>();
        foreach ((string path, Command command) in LeafCommands(CommandCatalog.Build(), string.Empty))
        {
            if (LongRunning.Contains(path))
            {
                continue;
            }

            string[] args = [.. path.Split(' '), .. Baseline(command, except: null)];
            CliRunner.Result result = CliRunner.Run(args);
            string where = "wearable " + string.Join(' ', args);
            if (result.ExitCode is not (0 or 1))
            {
                failures.Add($"{where}: exit {result.ExitCode}: {FirstLine(result)}");
            }

            if (result.ExitCode == 1 && !result.Error.StartsWith("error: ", StringComparison.Ordinal))
            {
                failures.Add($"{where}: failed without an 'error:' line: {FirstLine(result)}");
            }

            AssertNoStackTrace(result, where, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void An_unexpected_exception_is_one_line_and_its_stack_trace_only_comes_with_verbose()
    {
        // 'model push' to a closed TCP port fails inside the session code: a mapped failure, exit 1.
        string model = Junk("model.wmdl");
        CliRunner.Result quiet = CliRunner.Run("model", "push", model, "--connect", "tcp://127.0.0.1:1");
        CliRunner.Result verbose = CliRunner.Run("model", "push", model, "--connect", "tcp://127.0.0.1:1", "--verbose");

        Assert.Equal(1, quiet.ExitCode);
        Assert.DoesNotContain("   at ", quiet.Error, StringComparison.Ordinal);
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_the_handler_does_not_know_is_reported_as_a_bug_with_a_hint_not_a_stack_trace()
    {
        CliFailure failure = CliFailure.From(new NullReferenceException("boom"));
        var error = new StringWriter();
        failure.Print(error);

        Assert.True(failure.Unexpected);
        Assert.Equal(1, failure.ExitCode);
        Assert.Equal(["error: Unexpected NullReferenceException: boom", "hint: This is a bug in wearable: run the same command with --verbose and report the output."], error.ToString().TrimEnd().Split(Environment.NewLine));
    }

    /// <summary>Verbs whose baseline run would serve or measure for seconds: covered by the malformed walk only.</summary>
    private static readonly HashSet<string> LongRunning = ["demo", "simulate", "bench kernels", "bench link", "gate", "devices", "hil generate", "model example", "firmware build", "bench models", "bench nanoclr", "record fuzz", "typing train", "typing eval", "typing live"];

    /// <summary>Inputs that are connection strings.</summary>
    private static readonly HashSet<string> ConnectionInputs = ["CONNECTION", "--connect", "--target"];

    /// <summary>Free text checked against data the verb reads (people's names, benchmark names); only its length is a usage error.</summary>
    private static readonly HashSet<string> TextInputs = ["--person", "--people", "--train-sessions", "--calibration", "--evaluate", "--qat-data", "--filter", "--name"];

    private static IEnumerable<(string Path, Command Command)> LeafCommands(Command command, string prefix)
    {
        foreach (Command sub in command.Subcommands)
        {
            string path = (prefix + " " + sub.Name).Trim();
            if (sub.Action is not null)
            {
                yield return (path, sub);
            }

            foreach (var leaf in LeafCommands(sub, path))
            {
                yield return leaf;
            }
        }
    }

    private static IEnumerable<Symbol> Inputs(Command command) =>
        command.Arguments.Cast<Symbol>().Concat(command.Options.Where(o => o.Name is not ("--help" or "--version") && o.ValueType != typeof(bool)));

    private static IEnumerable<string> MalformedValues(Symbol symbol)
    {
        Type type = symbol is Option option ? option.ValueType : ((Argument)symbol).ValueType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long) || type == typeof(ulong))
        {
            return ["-1", "0", "99999999999999999999", "abc"];
        }

        if (type == typeof(double))
        {
            return ["-1", "0", "1e308", "NaN", "abc"];
        }

        if (type == typeof(DirectoryInfo))
        {
            return ["/nonexistent/wearable-folder", "/etc/hostname"];
        }

        if (ConnectionInputs.Contains(symbol.Name))
        {
            // A path is a serial device that may be unplugged (a failure, exit 1); these are not connection strings at all.
            return ["sim://?seed=abc", "sim://?channels=0", "tcp://127.0.0.1", "nonsense", new string('x', 300)];
        }

        if (TextInputs.Contains(symbol.Name))
        {
            return [new string('x', 300)];
        }

        // Files and words from a list.
        return ["/nonexistent/wearable-file.wmdl", "/tmp", new string('x', 300)];
    }

    private static string[] With(Symbol symbol, string value) => symbol is Option ? [symbol.Name, value] : [value];

    /// <summary>Valid values for what the verb requires, chosen so that running the verb fails fast (closed port, junk file, empty dataset folder).</summary>
    private IEnumerable<string> Baseline(Command command, Symbol? except)
    {
        var args = new List<string>();
        foreach (Argument argument in command.Arguments)
        {
            if (argument != except)
            {
                args.Add(ValueFor(argument.Name));
            }
        }

        foreach (Option option in command.Options)
        {
            if (option != except && (option.Required || option.Name is "--data" or "--readings" or "--out"))
            {
                args.Add(option.Name);
                args.Add(ValueFor(option.Name));
            }
        }

        return args;
    }

    private string ValueFor(string name) => name switch
    {
        "CONNECTION" or "--connect" or "--target" => "tcp://127.0.0.1:1",
        "DEVICE_ID" => "00",
        "--data" or "--readings" => Directory.CreateDirectory(Path.Combine(_folder, "empty-dataset")).FullName,
        "--out" => Path.Combine(_folder, "out.bin"),
        "--model" => Junk("model.json"),
        "--board" => "linux-ads1299", // device run: fails fast at the missing spidev (firmware build is long-running)
        _ => Junk("junk.bin"),
    };

    private string Junk(string name)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, [0x4A, 0x55, 0x4E, 0x4B, 0x0A]);
        return path;
    }

    private static void AssertNoStackTrace(CliRunner.Result result, string where, List<string> failures)
    {
        string all = result.Out + result.Error;
        if (all.Contains("   at ", StringComparison.Ordinal) || all.Contains("Unhandled exception", StringComparison.Ordinal) || all.Contains("error: Unexpected", StringComparison.Ordinal))
        {
            failures.Add($"{where}: crashed: {FirstLine(result)}");
        }
    }

    private static string FirstLine(CliRunner.Result result) =>
        (result.Error.Length > 0 ? result.Error : result.Out).Split('\n', 2)[0];
}
