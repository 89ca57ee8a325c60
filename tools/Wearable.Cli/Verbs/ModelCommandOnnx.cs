using System.CommandLine;
using Wearable.EdgeHost.Onnx.Export;
using Wearable.Kernels.Model;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Onnx;
using Wearable.Modeling.Quantization;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable model export FILE --onnx OUT.onnx` (our int8 graph as ONNX, same scales and zero points,
/// for ONNX Runtime) and `wearable model import FILE.onnx --out OUT.wmdl --calibration REC...` (a float
/// CNN trained elsewhere, e.g. PyTorch, quantized into a device model). See docs/onnx.md.
/// </summary>
public static class ModelCommandOnnx
{
    public static IEnumerable<Command> Subcommands() => [CreateExport(), CreateImport()];

    private static Command CreateExport()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The model file (.wmdl)." }.ExistingFile();
        var onnx = new Option<FileInfo>("--onnx") { Description = "Where to write the ONNX model.", Required = true }.OutputFile();
        var export = new Command("export", "Write a model file's int8 CNN graph as ONNX (QLinearConv / QDQ, uint8 activations) for ONNX Runtime.") { file, onnx };
        export.SetAction(parse => Export(parse.GetValue(file)!, parse.GetValue(onnx)!));
        return export;
    }

    private static Command CreateImport()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A float CNN as ONNX (e.g. from torch.onnx.export), input [1, channels, window]." }.ExistingFile();
        var output = new Option<FileInfo>("--out") { Description = "Where to write the device model (.wmdl).", Required = true }.OutputFile();
        var calibration = new Option<FileInfo[]>("--calibration") { Description = "Recordings (Myo .dat, CSV, EDF/BDF) whose windows calibrate the int8 ranges; repeat --calibration for several.", Required = true, AllowMultipleArgumentsPerToken = false }.ExistingFile();
        var inputScale = new Option<double>("--input-scale") { Description = "What the model multiplied raw samples by before its first layer (the shipped Myo models: 1/32).", DefaultValueFactory = _ => 1.0 / 32 }.InRange(0, 1e6, exclusiveMin: true);
        var rate = new Option<double>("--rate") { Description = "Sample rate in Hz written into the model file.", DefaultValueFactory = _ => 200 }.InRange(0, 64_000, exclusiveMin: true);
        var hop = new Option<int>("--hop") { Description = "Samples between decisions on the device.", DefaultValueFactory = _ => 5 }.InRange(1, 65_536);
        var name = new Option<string?>("--name") { Description = "Model name (default: the file's name)." }.ShortText();
        var labels = new Option<string?>("--labels") { Description = "Comma-separated class names (default: the Myo gestures)." }.Matches(@"[^,/\\]{1,64}(,[^,/\\]{1,64}){0,255}", "comma-separated class names (no slashes)");
        var import = new Command("import", "Quantize a float CNN exported to ONNX (PyTorch) into a device model file; unsupported ops are named with their node.")
        {
            file, output, calibration, inputScale, rate, hop, name, labels,
        };
        import.SetAction(parse => Import(parse.GetValue(file)!, parse.GetValue(output)!, parse.GetValue(calibration)!, parse.GetValue(inputScale), parse.GetValue(rate), parse.GetValue(hop), parse.GetValue(name), parse.GetValue(labels)));
        return import;
    }

    private static int Export(FileInfo file, FileInfo onnx)
    {
        ModelDefinition model = ReadModel(file);
        byte[] bytes;
        try
        {
            bytes = OnnxModelExporter.Export(model);
        }
        catch (OnnxExportException ex)
        {
            throw new CliException($"{file.Name} cannot be exported: {ex.Message}.", ex.Hint);
        }

        Write(onnx, bytes);
        Console.Out.WriteLine($"wrote {onnx.FullName} ({bytes.Length} bytes, opset {OnnxModelExporter.Opset}, uint8 activations = int8 + 128; input '{OnnxModelExporter.InputName}' [1, time, channel], output '{OnnxModelExporter.OutputName}')");
        return 0;
    }

    private static int Import(FileInfo file, FileInfo output, FileInfo[] calibration, double inputScale, double rate, int hop, string? name, string? labels)
    {
        if (!(inputScale > 0) || !(rate > 0) || hop < 1)
        {
            throw new CliException($"--input-scale and --rate must be positive and --hop at least 1 (got {inputScale}, {rate}, {hop}).", "The shipped Myo models use --input-scale 0.03125 --rate 200 --hop 5.");
        }

        byte[] onnx = ReadBytes(file);
        try
        {
            var network = OnnxModelImporter.ReadNetwork(onnx, (float)inputScale);
            var windows = new WindowSet(network.InputChannels, network.InputLength);
            foreach (FileInfo recording in calibration)
            {
                if (!recording.Exists)
                {
                    throw new CliException($"Calibration recording {recording.FullName} not found.", "Pass recordings of the model's input (e.g. ../shared/data/emg/myo-armband/.../classe_0.dat).");
                }

                windows.AddRecording(RecordingFiles.Read(recording.FullName), Math.Max(1, network.InputLength / 5));
            }

            var options = new QuantizationOptions
            {
                Name = name ?? Path.GetFileNameWithoutExtension(file.Name),
                Description = "imported from " + file.Name + " (ONNX) and quantized on " + windows.Count + " calibration windows",
                SampleRateMilliHz = (int)Math.Round(rate * 1000),
                HopSamples = hop,
            };
            if (labels is not null)
            {
                options.Labels = labels.Split(',', StringSplitOptions.TrimEntries);
            }

            QuantizedModel model = OnnxModelImporter.Import(onnx, (float)inputScale, windows, options);
            Write(output, model.File);
            Console.Out.WriteLine($"wrote {output.FullName} ({model.File.Length} bytes: {network.Spec} + dense {network.Classes} + softmax, {windows.Count} calibration windows); check it with 'wearable model inspect'");
            return 0;
        }
        catch (OnnxImportException ex)
        {
            throw new CliException($"{file.Name}: {ex.Message}.", ex.Hint);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"{file.Name}: {ex.Message}", "Calibrate with recordings of the model's channel count, at least one window long.");
        }
    }

    private static ModelDefinition ReadModel(FileInfo file)
    {
        try
        {
            return ModelReader.Read(ReadBytes(file));
        }
        catch (ModelFormatException ex)
        {
            throw new CliException($"{file.Name} is not a valid model: {ex.Problem} (field {ex.Field}, byte {ex.Offset}).", "The file is corrupt, truncated or from a newer format: re-export or re-download it.");
        }
    }

    private static byte[] ReadBytes(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"{file.FullName} not found.", "Check the path.");
        }

        try
        {
            return File.ReadAllBytes(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read {file.FullName}: {ex.Message}", "Check the file's permissions.");
        }
    }

    private static void Write(FileInfo file, byte[] bytes)
    {
        try
        {
            file.Directory?.Create();
            File.WriteAllBytes(file.FullName, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot write {file.FullName}: {ex.Message}", "Choose another path.");
        }
    }
}
