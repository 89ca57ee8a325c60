using System.CommandLine;
using Spectre.Console;
using Wearable.Cli.Simulation;
using Wearable.Hil.Generation;
using Wearable.Hil.Reports;
using Wearable.Hil.Rigs;
using Wearable.Hil.Running;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable hil run|generate`: golden-vector suites from the desktop kernels, and running them on a
/// device (or the virtual device over a pseudo-terminal) with reports. docs/hil.md.
/// </summary>
public static class HilCommand
{
    public static Command Create()
    {
        var command = new Command("hil", "Hardware-in-the-loop: run golden-vector suites on a device, or regenerate the suites.");
        command.Subcommands.Add(CreateRun());
        command.Subcommands.Add(CreateGenerate());
        command.Subcommands.Add(HilStreamCommand.Create());
        return command;
    }

    private static Command CreateRun()
    {
        var rig = new Option<FileInfo>("--rig") { Description = "Rig file (hil/rigs/*.json).", Required = true }.ExistingFile();
        var target = new Option<string?>("--target") { Description = "Override the rig's connection string, e.g. serial:///dev/ttyUSB0?baud=921600, sim://?perturb=cnn.requantize, inproc://." }.ConnectionString();
        var junit = new Option<FileInfo?>("--junit") { Description = "Write a JUnit XML report here." }.OutputFile();
        var markdown = new Option<FileInfo?>("--markdown") { Description = "Write a Markdown report here." }.OutputFile();
        var html = new Option<FileInfo?>("--html") { Description = "Write an HTML report here." }.OutputFile();
        var json = CommonOptions.Json();
        var command = new Command("run", "Run a rig's suites on its target; exit 1 on any mismatch.") { rig, target, junit, markdown, html, json };
        command.SetAction(parse => Run(parse.GetValue(rig)!, parse.GetValue(target), parse.GetValue(junit), parse.GetValue(markdown), parse.GetValue(html), parse.GetValue(json)));
        return command;
    }

    private static Command CreateGenerate()
    {
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the *.hilsuite files (default hil/suites)." }.OutputFolder();
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random inputs.", DefaultValueFactory = _ => SuiteGenerator.DefaultSeed };
        var model = new Option<FileInfo?>("--model") { Description = "Model file for the model.example suite (default " + SuiteGenerator.ExampleModel + " when it exists)." }.ExistingFile();
        var json = CommonOptions.Json();
        var command = new Command("generate", "Write one golden suite per HIL kernel from the desktop kernels.") { output, seed, model, json };
        command.SetAction(parse => Generate(
            parse.GetValue(output)?.FullName ?? Path.Combine("hil", "suites"),
            parse.GetValue(seed),
            parse.GetValue(model)?.FullName ?? (File.Exists(SuiteGenerator.ExampleModel) ? SuiteGenerator.ExampleModel : null),
            parse.GetValue(json)));
        return command;
    }

    private static int Run(FileInfo rigFile, string? target, FileInfo? junit, FileInfo? markdown, FileInfo? html, bool json)
    {
        RigDescription rig;
        HilRunReport report;
        try
        {
            rig = RigDescription.Load(rigFile.FullName);
            report = RigRun.Execute(rig, target, new Devices.VirtualDeviceLauncher());
        }
        catch (RigFileException ex)
        {
            throw new CliException(ex.Message, "See docs/hil.md for the rig file format.");
        }
        catch (Exception ex) when (ex is HilTargetException or IOException or Wearable.EdgeHost.Link.DeviceLinkException or InvalidDataException)
        {
            throw new CliException(ex.Message, "Check the rig's target (or --target) and that the device runs the Wearable firmware; see docs/hil.md.");
        }

        if (junit is not null)
        {
            JUnitReportWriter.Write(report, junit.FullName);
        }

        if (markdown is not null)
        {
            File.WriteAllText(markdown.FullName, MarkdownReportWriter.Build(report));
        }

        if (html is not null)
        {
            File.WriteAllText(html.FullName, HtmlReportWriter.Build(report));
        }

        if (json)
        {
            JsonOutput.Write(new
            {
                rig = report.Rig,
                target = report.Target,
                success = report.Success,
                vectors = report.Vectors,
                passed = report.Passed,
                failed = report.Failed,
                kernels = report.Kernels.Select(k => new
                {
                    kernel = k.Kernel,
                    vectors = k.Vectors,
                    passed = k.Passed,
                    failed = k.Failed,
                    deviceTicks = k.TotalTicks,
                    tickFrequencyHz = k.TickFrequencyHz,
                    firstMismatch = k.FirstMismatch is null ? null : new
                    {
                        vector = k.FirstMismatch.Vector,
                        byteIndex = k.FirstMismatch.ByteIndex,
                        expected = k.FirstMismatch.Expected,
                        actual = k.FirstMismatch.Actual,
                        detail = k.FirstMismatch.Detail,
                    },
                }),
            });
        }
        else
        {
            foreach (KernelResult k in report.Kernels)
            {
                string status = k.Success ? "[green]pass[/]" : "[red]FAIL[/]";
                string first = k.FirstMismatch is null ? string.Empty : " " + Markup.Escape(k.FirstMismatch.Detail);
                AnsiConsole.MarkupLine($"{status} {Markup.Escape(k.Kernel),-26} {k.Passed}/{k.Vectors} {k.TotalTicks} ticks @ {k.TickFrequencyHz} Hz{first}");
            }

            AnsiConsole.MarkupLine($"{Markup.Escape(report.Target)}: {report.Vectors} vectors, [green]{report.Passed} passed[/], {(report.Failed > 0 ? "[red]" : "[green]")}{report.Failed} failed[/]");
        }

        return report.Success ? 0 : 1;
    }

    private static int Generate(string directory, ulong seed, string? model, bool json)
    {
        if (model is not null && !File.Exists(model))
        {
            throw new CliException($"Model file {model} does not exist.", "Pass --model <file.wmdl> or run from the repository root.");
        }

        IReadOnlyList<string> paths = SuiteGenerator.WriteAll(directory, seed, model);
        if (json)
        {
            JsonOutput.Write(new { seed, directory, suites = paths.Select(Path.GetFileName) });
        }
        else
        {
            Console.Out.WriteLine($"wrote {paths.Count} suites to {directory} (seed {seed})");
        }

        return 0;
    }
}
