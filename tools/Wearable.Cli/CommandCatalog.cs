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
        return root;
    }

    /// <summary>Parses and runs; bad arguments print System.CommandLine's error and usage, exit code 2.</summary>
    public static int Run(string[] args)
    {
        Wearable.EdgeHost.Connections.DeviceLaunchers.Simulated ??= new Devices.VirtualDeviceLauncher();
        ParseResult parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            Console.Error.WriteLine("Run 'wearable --help' (or 'wearable <verb> --help') for usage.");
            return 2;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            if (ex.Hint is not null)
            {
                Console.Error.WriteLine($"hint: {ex.Hint}");
            }

            return ex.ExitCode;
        }
    }
}
