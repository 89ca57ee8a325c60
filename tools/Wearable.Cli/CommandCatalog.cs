using System.CommandLine;
using Wearable.Cli.Verbs;

namespace Wearable.Cli;

/// <summary>
/// The one place where verbs are registered. A new verb is a file under Verbs/ with a static
/// <c>Create()</c> returning its <see cref="Command"/>, plus one line here.
/// </summary>
public static class CommandCatalog
{
    public static RootCommand Build()
    {
        var root = new RootCommand("wearable: firmware, edge runtime and tools for wearable sEMG/EEG sensors");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(GateCommand.Create());
        root.Subcommands.Add(FirmwareCommand.Create());
        root.Subcommands.Add(ModelCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(RecordCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(DevicesCommand.Create());
        root.Subcommands.Add(PairCommand.Create());
        root.Subcommands.Add(UnpairCommand.Create());
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(StreamCommand.Create());
        root.Subcommands.Add(PlayCommand.Create());
        root.Subcommands.Add(CalibrateCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(DeviceCommand.Create());
        root.Subcommands.Add(HilCommand.Create());
        root.Subcommands.Add(QuantizeCommand.Create());
        root.Subcommands.Add(ViewCommand.Create());
        root.Subcommands.Add(TypingCommand.Create());
        return root;
    }

    /// <summary>Prints the stack trace of a failure too (for bug reports); every verb takes it.</summary>
    private static Option<bool> VerboseOption() => new("--verbose")
    {
        Description = "On failure, print the full exception with its stack trace (for bug reports).",
        Recursive = true,
    };

    /// <summary>
    /// Parses and runs. Bad arguments (parse errors and <see cref="OptionRules"/>) print one line each and
    /// exit 2 before the verb starts; whatever a verb throws is mapped by <see cref="CliFailure"/> to one
    /// line plus a hint, exit 1 (a stack trace only with --verbose).
    /// </summary>
    public static int Run(string[] args)
    {
        Wearable.EdgeHost.Connections.DeviceLaunchers.Simulated ??= new Devices.VirtualDeviceLauncher();
        Wearable.EdgeHost.Connections.DeviceTransports.Register(new Wearable.EdgeHost.Ble.BleDeviceTransport());
        RootCommand root = Build();
        Option<bool> verbose = VerboseOption();
        root.Options.Add(verbose);
        try
        {
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    Console.Error.WriteLine($"error: {error.Message.ReplaceLineEndings(" ")}");
                }

                string verb = parsed.CommandResult.Command == root ? "wearable" : "wearable " + VerbPath(parsed.CommandResult);
                Console.Error.WriteLine($"hint: run '{verb} --help' for usage.");
                return CliFailure.Usage;
            }

            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            CliFailure failure = CliFailure.From(ex);
            failure.Print(Console.Error);
            if (args.Contains(verbose.Name))
            {
                Console.Error.WriteLine(ex.ToString());
            }

            return failure.ExitCode;
        }
    }

    private static string VerbPath(System.CommandLine.Parsing.CommandResult result) =>
        result.Parent is System.CommandLine.Parsing.CommandResult parent && parent.Parent is not null
            ? VerbPath(parent) + " " + result.Command.Name
            : result.Command.Name;
}
