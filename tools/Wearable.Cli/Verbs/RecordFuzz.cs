using System.CommandLine;
using Wearable.EdgeHost.Recording;

namespace Wearable.Cli.Verbs;

/// <summary>
/// <c>wearable record fuzz FILE|DIR... [--cases N] [--seed S]</c>: damages copies of recordings in seeded
/// ways and counts reader and repair crashes and data loss (the figures in docs/reliability.md).
/// </summary>
public static class RecordFuzz
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("FILES") { Description = "EDF/BDF files or folders of them to damage copies of (the originals are only read).", Arity = ArgumentArity.OneOrMore }.ExistingPaths();
        var cases = new Option<int>("--cases") { Description = "Damaged copies per file.", DefaultValueFactory = _ => 200 }.InRange(1, 100_000);
        var seed = new Option<int>("--seed") { Description = "Seed of the damage (same seed, same cases).", DefaultValueFactory = _ => 1 }.InRange(0, int.MaxValue);
        var json = CommonOptions.Json();
        var command = new Command("fuzz", "Damage copies of recordings (seeded) and check the reader and repair never crash or lose data.") { inputs, cases, seed, json };
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(cases), parse.GetValue(seed), parse.GetValue(json)));
        return command;
    }

    private static int Run(string[] inputs, int cases, int seed, bool json)
    {
        if (cases < 1)
        {
            throw new CliException("--cases must be at least 1, not " + cases + ".", "Example: wearable record fuzz ../shared/data/formats --cases 200");
        }

        var files = new List<string>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".edf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".bdf", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                throw new CliException(input + " does not exist.", "Name .edf/.bdf files or folders holding them.");
            }
        }

        if (files.Count == 0)
        {
            throw new CliException("no .edf or .bdf files in " + string.Join(", ", inputs) + ".", "Name .edf/.bdf files or folders holding them.");
        }

        string scratch = Directory.CreateTempSubdirectory("wearable-fuzz-").FullName;
        MutationReport report;
        try
        {
            report = RecordingMutationTrial.Run(files, cases, seed, scratch);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        if (json)
        {
            JsonOutput.Write(new { files = files.Count, report.Cases, report.ReaderCrashes, report.RepairCrashes, report.RepairLostData, report.ReaderRejected, report.RepairRefused, report.Repaired, report.Failures });
        }
        else
        {
            Console.Out.WriteLine(
                report.Cases + " damaged copies of " + files.Count + " files (seed " + seed + "): reader crashed " + report.ReaderCrashes
                + ", repair crashed " + report.RepairCrashes + ", repair lost data " + report.RepairLostData
                + " (reader rejected " + report.ReaderRejected + " cleanly, repair refused " + report.RepairRefused + " and repaired " + report.Repaired + ")");
            foreach (string failure in report.Failures)
            {
                Console.Out.WriteLine("  " + failure);
            }
        }

        return report.Failures.Count == 0 ? 0 : 1;
    }
}
