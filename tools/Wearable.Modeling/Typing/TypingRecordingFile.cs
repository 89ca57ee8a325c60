using Wearable.EdgeHost.Recording;

namespace Wearable.Modeling.Typing;

/// <summary>
/// Reads our own typing recording (EDF+/BDF+ from <c>record</c>, docs/typing.md "Real data"): 32 sEMG
/// signals at one rate (left band 0-15, right 16-31, in uV, mV or V) and one annotation per key press,
/// <c>key &lt;k&gt;</c> with the hold time as its duration when known, where k is a-z, <c>space</c> or
/// <c>backspace</c>: what <c>record</c>'s console markers write (<c>key spacebar</c> for the space bar; a
/// terminal sees no releases, so those have no duration). emg2qwerty's spelling, <c>Key.space</c>, is read
/// too; other annotations are left alone.
/// </summary>
public static class TypingRecordingFile
{
    public const string KeyPrefix = "key ";

    /// <summary>The annotation text a key press is recorded as.</summary>
    public static string Annotation(char key) => KeyPrefix + key switch
    {
        ' ' => "space",
        TypingCharset.Backspace => "backspace",
        _ => key.ToString(),
    };

    public static TypingSession Read(string path)
    {
        EdfReader reader;
        try
        {
            reader = EdfReader.Open(path);
        }
        catch (EdfFormatException ex)
        {
            throw new InvalidDataException("The typing recording " + path + " is not a readable EDF/BDF file: " + ex.Message);
        }

        using (reader)
        {
            var signals = new List<int>();
            for (int s = 0; s < reader.Header.Signals.Count; s++)
            {
                if (!reader.Header.Signals[s].IsAnnotation)
                {
                    signals.Add(s);
                }
            }

            int channels = 2 * Emg2QwertySessionFile.ElectrodesPerBand;
            if (signals.Count != channels)
            {
                throw new InvalidDataException("The typing recording " + path + " has " + signals.Count + " sEMG signals; typing needs " + channels + " (two bands of 16).");
            }

            double rate = reader.SampleRate(signals[0]);
            if (signals.Any(s => reader.SampleRate(s) != rate))
            {
                throw new InvalidDataException("The typing recording " + path + " has signals at different sampling rates; typing needs one rate for all 32.");
            }

            if (!reader.Header.IsPlus)
            {
                throw new InvalidDataException("The typing recording " + path + " is plain EDF/BDF without annotations; typing needs EDF+/BDF+ with a 'key <k>' annotation per key press.");
            }

            int frames = (int)(reader.RecordCount * reader.Header.Signals[signals[0]].SamplesPerRecord);
            var samples = new float[frames * channels];
            for (int c = 0; c < channels; c++)
            {
                double toMicrovolts = MicrovoltsPer(reader.Header.Signals[signals[c]].PhysicalDimension, path);
                double[] physical = reader.ReadPhysical(signals[c]);
                for (int f = 0; f < frames; f++)
                {
                    samples[(f * channels) + c] = (float)(physical[f] * toMicrovolts);
                }
            }

            var keystrokes = new List<Keystroke>();
            foreach (var annotation in reader.ReadAnnotations())
            {
                char key = KeyOf(annotation.Text);
                if (key == '\0')
                {
                    continue;
                }

                long press = Math.Clamp((long)Math.Round(annotation.Onset * rate), 0, Math.Max(0, frames - 1));
                long release = Math.Clamp((long)Math.Round((annotation.Onset + (annotation.Duration ?? 0)) * rate), press, Math.Max(0, frames - 1));
                keystrokes.Add(new Keystroke(key, press, release));
            }

            // Annotations are stored in file order, not always time order; a stable sort keeps ties as typed.
            return new TypingSession(samples, channels, rate, keystrokes.OrderBy(k => k.PressSample).ToList(), Path.GetFileNameWithoutExtension(path));
        }
    }

    /// <summary>The key of a <c>key &lt;k&gt;</c> annotation; '\0' for any other annotation or a key we do not model.</summary>
    public static char KeyOf(string annotation)
    {
        if (!annotation.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return '\0';
        }

        string key = annotation[KeyPrefix.Length..].Trim();
        return key switch
        {
            "space" or "spacebar" => ' ',
            "backspace" => TypingCharset.Backspace,
            _ => Emg2QwertySessionFile.KeyOf(key),
        };
    }

    private static double MicrovoltsPer(string dimension, string path) => dimension.Trim() switch
    {
        "uV" or "µV" or "" => 1,
        "mV" => 1e3,
        "V" => 1e6,
        "nV" => 1e-3,
        _ => throw new InvalidDataException("The typing recording " + path + " has the physical dimension '" + dimension.Trim() + "' on an sEMG signal; typing reads uV, mV or V."),
    };
}
