using System.CommandLine;
using Spectre.Console;
using Wearable.PortabilityGate;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable gate`: runs the nanoFramework portability gate over the shared source, the same check the
/// test command runs, for a quick answer while editing a kernel.
/// </summary>
public static class GateCommand
{
    public static Command Create()
    {
        var root = new Option<DirectoryInfo?>("--root") { Description = "Repository root (default: found from the current directory)." }.ExistingFolder();
        var json = CommonOptions.Json();
        var command = new Command("gate", "Check that shared kernels and firmware core build on nanoFramework 1.x and stay integer-only.")
        {
            root,
            json,
        };
        command.SetAction(parse => Run(parse.GetValue(root), parse.GetValue(json)));
        return command;
    }

    private static int Run(DirectoryInfo? root, bool json)
    {
        string repository = root?.FullName ?? FindRepositoryRoot();
        if (!File.Exists(Path.Combine(repository, "Wearable.sln")))
        {
            throw new CliException($"{repository} is not the Wearable repository (no Wearable.sln).", "Pass --root <path to the clone>.");
        }

        GateReport report = PortabilityGate.PortabilityGate.CheckRepository(repository);
        if (json)
        {
            JsonOutput.Write(new
            {
                filesChecked = report.FilesChecked,
                passed = report.Passed,
                violations = report.Violations.Select(v => new { path = v.Path, line = v.Line, rule = v.Rule, advice = v.Advice }),
            });
        }
        else
        {
            foreach (GateViolation violation in report.Violations)
            {
                Console.Out.WriteLine(violation.ToString());
            }

            AnsiConsole.MarkupLine(report.Passed
                ? $"[green]portability gate: {report.FilesChecked} shared files pass[/]"
                : $"[red]portability gate: {report.Violations.Count} violation(s)[/] in {report.FilesChecked} shared files");
        }

        return report.Passed ? 0 : 1;
    }

    internal static string FindRepositoryRoot()
    {
        string? dir = Directory.GetCurrentDirectory();
        while (dir is not null && !File.Exists(Path.Combine(dir, "Wearable.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new CliException("Not inside the Wearable repository.", "Run from the clone or pass --root <path>.");
    }
}
