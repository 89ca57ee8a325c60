using System.CommandLine;
using Wearable.Cli.Verbs.Bench;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable bench cnn`: a minimal `bench` verb holding only the CNN group, until the shared
/// BenchCommand (with `bench kernels`) lands on main; then this file goes and BenchCommand mounts
/// <see cref="CnnBenchmarks.CreateCommand"/> with one line.
/// </summary>
public static class BenchCnnCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure kernel throughput and model latency on this machine.");
        command.Subcommands.Add(CnnBenchmarks.CreateCommand());
        return command;
    }
}
