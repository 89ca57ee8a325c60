using System.CommandLine;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable train --calibrate FILE.edf --from pre.json --out my.wmdl`: a user's short cued recording
/// adapts a pre-trained model on the host (band alignment, then fine-tuning) and one int8 device model
/// is written, ready for `wearable model push`. Neither the recording nor the pre-trained model is changed.
/// </summary>
internal static class CalibrationTraining
{
    public static int Run(ParseResult parse, GestureOptions shared, FileInfo recording, string? from, FileInfo output, bool outputGiven, string method, bool matchLevel, bool json)
    {
        if (from is null)
        {
            throw new CliException("--calibrate adapts a pre-trained model; --from is missing.", "Add --from models/gesture-cnn-myo-pretrained.float.json.");
        }

        if (!outputGiven || !output.Name.EndsWith(".wmdl", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException("--calibrate writes an int8 device model; --out must name a .wmdl file" + (outputGiven ? ", not " + output.Name : "") + ".", "Add --out my-gestures.wmdl.");
        }

        string[] sources = from.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ShippedModel(output) || sources.Any(s => string.Equals(Path.GetFullPath(s), output.FullName, StringComparison.Ordinal)))
        {
            throw new CliException("--out " + output.FullName + " would overwrite a shipped or pre-trained model.", "Write your calibrated model elsewhere, e.g. --out my-gestures.wmdl.");
        }

        var pretrained = TrainCommand.LoadModels(from);
        if (!ClassifierModels.IsCnnOnly(pretrained))
        {
            throw new CliException("--calibrate needs a CNN or an ensemble of CNNs; '" + pretrained.Spec + "' is not one.", "Pass a model written by `wearable train` with a conv spec.");
        }

        var card = NetworkFile.ReadCard(sources[0]);
        IReadOnlyList<string> classes = card?.ClassNames ?? MyoArmbandDatReader.GestureNames;
        double rate = card?.SampleRate ?? MyoArmbandDatReader.SampleRate;
        int hop = card?.DecisionHop ?? MyoArmbandProtocol.Hop;
        if (classes.Count != pretrained.Classes)
        {
            throw new CliException(from + " has " + pretrained.Classes + " classes but no card naming them.", "Pass a model whose card names its classes (written by `wearable train`).");
        }

        CalibrationWindows calibration;
        try
        {
            calibration = CalibrationRecording.Read(recording.FullName, classes, pretrained.InputChannels, rate, pretrained.InputLength, hop);
        }
        catch (DatasetFormatException ex)
        {
            throw new CliException(ex.Message + ".", "Record the calibration with `wearable record --connect C --protocol FILE --out FILE.edf`, cue labels named as the model's classes.");
        }

        if (calibration.Windows.Count == 0)
        {
            throw new CliException(recording.Name + " holds no labelled window of " + pretrained.InputLength + " samples.", "Hold each cued gesture for at least a second.");
        }

        TextWriter log = json ? Console.Error : Console.Out;
        if (calibration.MissingClasses.Count > 0)
        {
            log.WriteLine("warning: no cue for " + string.Join(", ", calibration.MissingClasses) + ": the model keeps its pre-trained idea of them.");
        }

        var options = CalibrationProtocol.Options(parse, shared, method, matchLevel);
        var quantization = new QuantizationOptions
        {
            Name = Path.GetFileNameWithoutExtension(output.Name),
            SampleRateMilliHz = (int)Math.Round(rate * 1000),
            HopSamples = hop,
            Labels = classes.ToArray(),
            Description = "calibrated from " + Path.GetFileName(from) + " on " + recording.Name + " (" + calibration.Windows.Count + " windows, " + method + ")",
        };
        CalibratedModel calibrated;
        try
        {
            calibrated = CalibrationAdaptation.Adapt(pretrained, calibration.Windows, options, quantization);
        }
        catch (NotSupportedException ex)
        {
            throw new CliException(ex.Message, "Pass a CNN pre-trained with `wearable train`.");
        }

        string? folder = Path.GetDirectoryName(output.FullName);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllBytes(output.FullName, calibrated.Int8File);
        double fixedAccuracy = calibrated.Int8Accuracy(calibration.Windows);
        var summary = new
        {
            model = output.FullName,
            from,
            recording = recording.FullName,
            method,
            bandShift = calibrated.Shift,
            inputGain = Math.Round(calibrated.Gain, 6),
            classes = calibration.RecordedClasses,
            missingClasses = calibration.MissingClasses,
            calibrationWindows = calibration.Windows.Count,
            epochs = calibrated.Fit?.Epochs ?? 0,
            fileBytes = calibrated.Int8File.Length,
            calibrationAccuracyInt8 = Math.Round(fixedAccuracy, 5),
        };
        if (json)
        {
            JsonOutput.Write(summary);
        }
        else
        {
            log.WriteLine("calibrated on " + calibration.Windows.Count + " windows of " + string.Join(", ", calibration.RecordedClasses) + " (band shift " + calibrated.Shift + " electrode(s), input gain " + calibrated.Gain.ToString("G3") + ", " + method + ", " + summary.epochs + " epochs)");
            log.WriteLine("wrote " + output.FullName + ": " + calibrated.Int8File.Length + " bytes; int8 on the calibration windows " + (fixedAccuracy * 100).ToString("F1") + " % (a fit check, not a test)");
            log.WriteLine("next: wearable model push " + output.Name + " --connect CONNECTION");
        }

        return 0;
    }

    /// <summary>True when <paramref name="output"/> is a file that already exists in the repository's models/ folder.</summary>
    private static bool ShippedModel(FileInfo output)
    {
        string? dir = output.DirectoryName;
        return output.Exists && dir is not null && string.Equals(Path.GetFileName(dir), "models", StringComparison.Ordinal) && File.Exists(Path.Combine(Path.GetDirectoryName(dir)!, "Wearable.sln"));
    }
}
