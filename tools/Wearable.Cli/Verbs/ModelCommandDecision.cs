using System.CommandLine;
using Wearable.Kernels.Gesture;
using Wearable.Kernels.Model;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.ModelFiles;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable model decision FILE --decision default|none|DECISION.json --out OUT.wmdl`: a copy of a
/// gesture model file with the chosen gesture_decision section (model-file section 10), so the logic
/// tuned by `eval` runs on the user's own model. The input is never rewritten, nor a model shipped in
/// the repository's models/ folder.
/// </summary>
public static class ModelCommandDecision
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The gesture model file (.wmdl) to copy." }.ExistingFile();
        var decision = new Option<string>("--decision")
        {
            Description = "default (the documented myo-readings values), none (remove the section: argmax every hop) or a JSON file with restClass, minConfidence, voteLength, enterHops, leaveHops, envelopeShift, envelopeOnLevel, envelopeOffLevel (as `eval --json` prints them).",
            Required = true,
        }.ExistingFileOr("default", "none");
        var output = new Option<FileInfo>("--out") { Description = "Where to write the new model file (not the input, not a shipped model).", Required = true }.OutputFile();
        var json = CommonOptions.Json();
        var command = new Command("decision", "Write a copy of a gesture model file with a chosen gesture_decision section (rest rejection, vote, hysteresis, envelope gate).")
        {
            file, decision, output, json,
        };
        command.SetAction(parse => Write(parse.GetValue(file)!, parse.GetValue(decision)!, parse.GetValue(output)!, parse.GetValue(json)));
        return command;
    }

    private static int Write(FileInfo file, string choice, FileInfo output, bool json)
    {
        if (string.Equals(Path.GetFullPath(file.FullName), Path.GetFullPath(output.FullName), StringComparison.Ordinal))
        {
            throw new CliException("--out is the input file " + file.Name + "; the input is never rewritten in place.", "Give --out a new file name, e.g. " + Path.GetFileNameWithoutExtension(file.Name) + "-decision.wmdl.");
        }

        if (ShippedModels.Contains(output))
        {
            throw new CliException("--out " + output.FullName + " is a model shipped in the repository's models/ folder.", "Write your copy elsewhere, e.g. --out my-model.wmdl.");
        }

        byte[] bytes = ReadModelBytes(file);
        ModelDefinition model;
        try
        {
            model = ModelReader.Read(bytes);
        }
        catch (ModelFormatException ex)
        {
            throw new CliException(file.Name + " is not a valid model: " + ex.Problem + " (field " + ex.Field + ", byte " + ex.Offset + ").", "Check it with `wearable model inspect " + file.Name + "`.");
        }

        if (!model.HasCnn)
        {
            throw new CliException(file.Name + " has no CNN classifier; gesture_decision applies to a CNN's per-hop class scores.", "Use a gesture CNN model file (e.g. from `wearable quantize`).");
        }

        int classes = model.Tensors[model.GraphOutput].Channels;
        GestureDecisionParameters? parameters = Parameters(choice, classes);
        byte[] written;
        try
        {
            written = GestureDecisionSection.With(bytes, parameters);
            new ModelPipeline(ModelReader.Read(written)); // the device must accept what we write (rest class, channels)
        }
        catch (Exception ex) when (ex is ModelFormatException or ArgumentException)
        {
            throw new CliException("The decision does not fit " + file.Name + ": " + ex.Message.Split(" (Parameter")[0], "Check restClass against the model's " + classes + " classes.");
        }

        try
        {
            File.WriteAllBytes(output.FullName, written);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException("Cannot write " + output.FullName + ": " + ex.Message, "Choose another path with --out.");
        }

        string described = parameters is null ? "none (argmax every hop)" : DeviceStreamingExperiment.DescribeDecision(parameters);
        if (json)
        {
            JsonOutput.Write(new { input = file.FullName, output = output.FullName, bytes = written.Length, decision = parameters is null ? null : GestureDecisionFile.ToJson(parameters) });
        }
        else
        {
            Console.Out.WriteLine("wrote " + output.FullName + " (" + written.Length + " bytes): gesture_decision " + described);
        }

        return 0;
    }

    private static GestureDecisionParameters? Parameters(string choice, int classes)
    {
        if (choice == "none")
        {
            return null;
        }

        if (choice == "default")
        {
            return GestureDecisionDefaults.MyoReadings;
        }

        string text;
        try
        {
            text = File.ReadAllText(choice);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException("Cannot read --decision " + choice + ": " + ex.Message, "Check the file's permissions.");
        }

        try
        {
            return GestureDecisionFile.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new CliException("--decision " + Path.GetFileName(choice) + ": " + ex.Message + ".", "Give the eight values as `wearable eval --json` prints them under details.decisions[].parameters (the model has " + classes + " classes).");
        }
    }

    private static byte[] ReadModelBytes(FileInfo file)
    {
        try
        {
            return File.ReadAllBytes(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException("Cannot read " + file.FullName + ": " + ex.Message, "Check the file's permissions.");
        }
    }
}
