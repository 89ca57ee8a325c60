using Wearable.Firmware.Profiles;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable train --data DIR` on a folder that is not the MyoArmbandDataset: per-class counts and
/// warnings first, a model sized from the data and the board, and a float model with the card
/// `quantize` reads.
/// </summary>
internal static class OwnDataTraining
{
    public static int Run(IGestureDataset data, MyoProtocolOptions options, string? spec, string board, FileInfo output, bool json)
    {
        BoardProfile profile = BoardProfile.FindByName(board);
        var settings = new DatasetTrainingOptions { BudgetBytes = profile.BufferRamBytes / 2, Spec = spec, Training = options.Training };
        DatasetTrainingResult result;
        try
        {
            result = DatasetTraining.Train(data, settings);
        }
        catch (DatasetFormatException ex)
        {
            throw new CliException(ex.Message, "Every file of a data folder needs the same channels and rate; see docs/gestures.md, 'Your own data'.");
        }
        catch (ArgumentException ex)
        {
            throw new CliException("Cannot size a model: " + ex.Message + ".", "Pass --spec to choose the layers yourself, or --board with more RAM.");
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ex.Message, "Record cues of at least a second each with 'wearable record --protocol FILE'.");
        }

        TextWriter log = json ? Console.Error : Console.Out;
        foreach (string warning in result.Summary.Warnings)
        {
            log.WriteLine("warning: " + warning);
        }

        NetworkFile.Save(result.Network, output.FullName, result.Card);
        var summary = new
        {
            model = output.FullName,
            dataset = data.Root,
            kind = data.Kind,
            channels = data.Channels,
            sampleRate = data.SampleRate,
            subjects = result.Summary.Subjects,
            sessions = result.Summary.Sessions,
            classes = result.Summary.Classes,
            warnings = result.Summary.Warnings,
            windowSamples = result.Size.WindowLength,
            decisionHop = result.Size.DecisionHop,
            spec = result.Size.Spec,
            board = profile.Name,
            estimatedDeviceBytes = result.Size.EstimatedDeviceBytes,
            validationSession = result.ValidationSession,
            epochs = result.Fit.Epochs,
            bestEpoch = result.Fit.BestEpoch,
            validationAccuracy = result.Fit.BestValidationAccuracy,
        };
        if (json)
        {
            JsonOutput.Write(summary);
            return 0;
        }

        Console.Out.WriteLine(data.Kind + " in " + data.Root + ": " + data.Channels + " channels at " + data.SampleRate + " Hz, " + summary.subjects + " subject(s), " + summary.sessions + " session(s)");
        foreach (ClassCount count in result.Summary.Classes)
        {
            Console.Out.WriteLine("  " + count.ClassName + ": " + count.Windows + " windows (" + count.Seconds.ToString("F1") + " s)");
        }

        Console.Out.WriteLine("model: " + result.Size.Spec + " on " + result.Size.WindowLength + "-sample windows, about " + result.Size.EstimatedDeviceBytes + " bytes on " + profile.Name);
        Console.Out.WriteLine("saved " + output.FullName + ": best validation " + (result.Fit.BestValidationAccuracy * 100).ToString("F2") + " % at epoch " + result.Fit.BestEpoch +
            (result.ValidationSession.Length > 0 ? " (held out " + result.ValidationSession + ")" : " (one session: no held-out session)"));
        return 0;
    }
}
