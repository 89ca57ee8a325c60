using System.CommandLine;
using Spectre.Console;
using Wearable.Kernels.Model;
using Wearable.Modeling.ModelFiles;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable model`: model files. `inspect` reads and validates a file with the same reader the
/// device runs and reports layers, shapes, memory and cost; `example` writes the seeded example model.
/// `decision` copies a gesture model with a chosen gesture_decision section (<see cref="ModelCommandDecision"/>);
/// push / list / activate talk to a device over the link (<see cref="ModelCommandPush"/>).
/// </summary>
public static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "Inspect and build model files (.wmdl).");
        command.Subcommands.Add(CreateInspect());
        command.Subcommands.Add(CreateExample());
        command.Subcommands.Add(ModelCommandDecision.Create());
        foreach (Command onnx in ModelCommandOnnx.Subcommands())
        {
            command.Subcommands.Add(onnx);
        }

        foreach (Command device in ModelCommandPush.Subcommands())
        {
            command.Subcommands.Add(device);
        }

        return command;
    }

    private static Command CreateInspect()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The model file (.wmdl)." }.ExistingFile();
        var json = CommonOptions.Json();
        var inspect = new Command("inspect", "Validate a model file and show its input, front end, layers, shapes, arena, parameter bytes, MACs and labels.")
        {
            file,
            json,
        };
        inspect.SetAction(parse => Inspect(parse.GetValue(file)!, parse.GetValue(json)));
        return inspect;
    }

    private static Command CreateExample()
    {
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model.", DefaultValueFactory = _ => new FileInfo(Path.Combine("models", "examples", ExampleModels.RandomEmgCnnFileName)) }.OutputFile();
        var seed = new Option<int>("--seed") { Description = "Seed of the random (untrained) weights.", DefaultValueFactory = _ => ExampleModels.DefaultSeed }.InRange(0, int.MaxValue);
        var example = new Command("example", "Write the example model: 8-ch sEMG, two conv layers + dense + softmax, random-but-seeded (untrained) weights.")
        {
            output,
            seed,
        };
        example.SetAction(parse => WriteExample(parse.GetValue(output)!, parse.GetValue(seed)));
        return example;
    }

    private static int WriteExample(FileInfo output, int seed)
    {
        byte[] bytes = ExampleModels.RandomEmgCnn(seed);
        try
        {
            output.Directory?.Create();
            File.WriteAllBytes(output.FullName, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot write {output.FullName}: {ex.Message}", "Choose another path with --out.");
        }

        Console.Out.WriteLine($"wrote {output.FullName} ({bytes.Length} bytes, seed {seed}, untrained example)");
        return 0;
    }

    private static int Inspect(FileInfo file, bool json)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read {file.FullName}: {ex.Message}", "Check the file's permissions.");
        }

        ModelDefinition model;
        ModelRunner? runner;
        try
        {
            model = ModelReader.Read(bytes);
            runner = model.HasCnn ? new ModelRunner(model) : null;
        }
        catch (ModelFormatException ex)
        {
            throw new CliException(
                $"{file.Name} is not a valid model: {ex.Problem} (field {ex.Field}, byte {ex.Offset}).",
                "The file is corrupt, truncated or from a newer format: re-export or re-download it.");
        }

        var report = ModelReport.From(file.Name, model, runner);
        if (json)
        {
            JsonOutput.Write(report);
        }
        else
        {
            ModelReport.Print(report);
        }

        return 0;
    }
}
