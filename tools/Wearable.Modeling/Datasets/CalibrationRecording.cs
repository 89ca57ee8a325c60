namespace Wearable.Modeling.Datasets;

/// <summary>A cued calibration recording cut into a model's windows, labelled with the model's own class indices.</summary>
public sealed record CalibrationWindows(WindowSet Windows, IReadOnlyList<string> RecordedClasses, IReadOnlyList<string> MissingClasses, double SampleRate, double UnitsPerCount);

/// <summary>
/// Reads a cued recording (EDF+/BDF+ from <c>wearable record --protocol</c>) for calibrating a model
/// trained elsewhere: every cue text must name one of the model's classes (case does not matter, and
/// "rest" names the model's first class when that is "neutral", the Myo name for it), the channels and
/// rate must be the model's, and samples go back to device counts, which is what the device feeds the
/// model. The recording itself is only read.
/// </summary>
public static class CalibrationRecording
{
    public static CalibrationWindows Read(string path, IReadOnlyList<string> modelClasses, int channels, double sampleRate, int windowLength, int hop)
    {
        var texts = EdfRecordingReader.ClassTexts(path);
        if (texts.Count == 0)
        {
            throw new DatasetFormatException(path, "no cue annotations: record the calibration with 'wearable record --protocol FILE'");
        }

        // Slot k of the reader's class list holds the text this recording uses for model class k, so the
        // frame labels come out as model class indices.
        var slots = new string[modelClasses.Count];
        for (int k = 0; k < slots.Length; k++)
        {
            slots[k] = "\u0000class " + k; // never a cue text
        }

        var unknown = new List<string>();
        foreach (string text in texts)
        {
            int k = ClassIndex(modelClasses, text);
            if (k < 0)
            {
                unknown.Add(text);
            }
            else
            {
                slots[k] = text;
            }
        }

        if (unknown.Count > 0)
        {
            throw new DatasetFormatException(path, "cue(s) " + string.Join(", ", unknown.Select(u => "'" + u + "'")) + " name no class of the model (" + string.Join(", ", modelClasses) + "); use those labels in the protocol file");
        }

        var reader = new EdfRecordingReader { Rules = new ClassAnnotationRules(), Classes = slots };
        LabelledRecording recording = reader.Read(path);
        if (recording.Channels != channels || Math.Abs(recording.SampleRate - sampleRate) > 1e-6)
        {
            throw new DatasetFormatException(path, "holds " + recording.Channels + " channels at " + recording.SampleRate + " Hz; the model takes " + channels + " at " + sampleRate + " Hz");
        }

        var windows = new WindowSet(channels, windowLength);
        windows.AddRecording(recording, hop, WindowLabelRule.Unanimous);
        float toCounts = (float)(1 / recording.UnitsPerCount);
        float[] data = windows.Data;
        for (int i = 0; i < windows.Count * windows.WindowSize; i++)
        {
            data[i] *= toCounts;
        }

        var recorded = Enumerable.Range(0, slots.Length).Where(k => texts.Contains(slots[k])).Select(k => modelClasses[k]).ToList();
        var missing = modelClasses.Where(c => !recorded.Contains(c)).ToList();
        return new CalibrationWindows(windows, recorded, missing, recording.SampleRate, recording.UnitsPerCount);
    }

    /// <summary>The model class a cue text names: equal ignoring case, or "rest" for a first class called "neutral"; -1 if none.</summary>
    public static int ClassIndex(IReadOnlyList<string> modelClasses, string text)
    {
        for (int k = 0; k < modelClasses.Count; k++)
        {
            if (string.Equals(modelClasses[k], text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return k;
            }
        }

        return modelClasses.Count > 0 && string.Equals(text.Trim(), "rest", StringComparison.OrdinalIgnoreCase) && string.Equals(modelClasses[0], "neutral", StringComparison.OrdinalIgnoreCase) ? 0 : -1;
    }
}
