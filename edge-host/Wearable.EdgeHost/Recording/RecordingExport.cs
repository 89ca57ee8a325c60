using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Wearable.EdgeHost.Recording;

/// <summary>What an export wrote: the files, and how much of the recording went into them.</summary>
public sealed record ExportResult(IReadOnlyList<string> Files, int Channels, long Samples, double SampleRate, int Annotations);

/// <summary>
/// Turns an EDF+/BDF recording into files the tools people already use open: CSV (spreadsheets, pandas)
/// and NumPy .npy/.npz (numpy.load), with channel names, units, the sample rate and every annotation.
/// Samples are the physical values (e.g. µV). The data signals must share one rate. The recording is
/// only read; outputs are written beside each other and an existing output is refused unless
/// <c>overwrite</c> is set.
/// </summary>
public static class RecordingExport
{
    /// <summary>Exports <paramref name="recording"/> to <paramref name="output"/> (its extension follows the format: .csv, .npy, .npz).</summary>
    public static ExportResult Export(string recording, string output, ExportFormat format, bool overwrite = false)
    {
        using var reader = EdfReader.Open(recording);
        int[] data = Enumerable.Range(0, reader.Header.Signals.Count).Where(i => !reader.Header.Signals[i].IsAnnotation).ToArray();
        if (data.Length == 0)
        {
            throw new ArgumentException(recording + " holds no data signals, only annotations; there is nothing to export.");
        }

        double rate = reader.SampleRate(data[0]);
        int mismatch = Array.FindIndex(data, i => reader.SampleRate(i) != rate);
        if (mismatch >= 0)
        {
            int different = data[mismatch];
            throw new ArgumentException(
                recording + ": signal '" + reader.Header.Signals[different].Label.Trim() + "' runs at " + reader.SampleRate(different).ToString(CultureInfo.InvariantCulture) +
                " Hz, '" + reader.Header.Signals[data[0]].Label.Trim() + "' at " + rate.ToString(CultureInfo.InvariantCulture) + " Hz; export needs one rate for all data signals.");
        }

        double[][] channels = data.Select(reader.ReadPhysical).ToArray();
        var signal = new ExportedSignals(
            data.Select(i => reader.Header.Signals[i].Label.Trim()).ToArray(),
            data.Select(i => reader.Header.Signals[i].PhysicalDimension.Trim()).ToArray(),
            rate,
            channels,
            channels.Min(c => c.Length),
            reader.ReadAnnotations());
        string[] files = format switch
        {
            ExportFormat.Csv => [output, AnnotationsPath(output)],
            ExportFormat.Npy => [output, Path.ChangeExtension(output, ".json")],
            _ => [output],
        };
        foreach (string file in files)
        {
            if (Path.GetFullPath(file) == Path.GetFullPath(recording))
            {
                throw new ArgumentException("The export would overwrite the recording itself (" + file + "); pick another output path.");
            }

            if (File.Exists(file) && !overwrite)
            {
                throw new IOException(file + " already exists; choose another --out or pass --force to replace it.");
            }
        }

        switch (format)
        {
            case ExportFormat.Csv:
                WriteCsv(signal, files[0], files[1]);
                break;
            case ExportFormat.Npy:
                WriteAtomically(files[0], s => NpyWriter.WriteMatrix(s, signal.Interleaved(), signal.Samples, signal.Names.Length));
                WriteAtomically(files[1], s => JsonSerializer.Serialize(s, signal.Metadata(), new JsonSerializerOptions { WriteIndented = true }));
                break;
            default:
                WriteAtomically(files[0], s => WriteNpz(signal, s));
                break;
        }

        return new ExportResult(files, signal.Names.Length, signal.Samples, rate, signal.Annotations.Count);
    }

    /// <summary>The annotations file written beside a CSV export.</summary>
    public static string AnnotationsPath(string csv) => Path.ChangeExtension(csv, ".annotations.csv");

    private static void WriteCsv(ExportedSignals signal, string path, string annotationsPath)
    {
        string[] cue = signal.CueAtEachSample();
        WriteAtomically(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.WriteLine("# sample_rate=" + signal.SampleRate.ToString(CultureInfo.InvariantCulture));
            writer.WriteLine("# units=" + string.Join(",", signal.Units));
            writer.WriteLine("# annotations=" + Path.GetFileName(annotationsPath));
            writer.WriteLine("time," + string.Join(",", signal.Names.Select(Quote)) + ",label");
            var line = new StringBuilder();
            for (int n = 0; n < signal.Samples; n++)
            {
                line.Clear();
                line.Append((n / signal.SampleRate).ToString("0.######", CultureInfo.InvariantCulture));
                foreach (double[] channel in signal.Channels)
                {
                    line.Append(',').Append(channel[n].ToString("R", CultureInfo.InvariantCulture));
                }

                line.Append(',').Append(Quote(cue[n]));
                writer.WriteLine(line);
            }
        });
        WriteAtomically(annotationsPath, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.WriteLine("onset,duration,text");
            foreach (EdfAnnotation a in signal.Annotations)
            {
                writer.WriteLine(a.Onset.ToString("R", CultureInfo.InvariantCulture) + "," + (a.Duration?.ToString("R", CultureInfo.InvariantCulture) ?? "") + "," + Quote(a.Text));
            }
        });
    }

    private static void WriteNpz(ExportedSignals signal, Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        void Entry(string name, Action<Stream> write)
        {
            using Stream entry = zip.CreateEntry(name + ".npy", CompressionLevel.Optimal).Open();
            write(entry);
        }

        Entry("data", s => NpyWriter.WriteMatrix(s, signal.Interleaved(), signal.Samples, signal.Names.Length));
        Entry("sample_rate", s => NpyWriter.WriteScalar(s, signal.SampleRate));
        Entry("channel_names", s => NpyWriter.WriteStrings(s, signal.Names));
        Entry("units", s => NpyWriter.WriteStrings(s, signal.Units));
        Entry("annotation_onsets", s => NpyWriter.WriteVector(s, signal.Annotations.Select(a => a.Onset).ToArray()));
        Entry("annotation_durations", s => NpyWriter.WriteVector(s, signal.Annotations.Select(a => a.Duration ?? double.NaN).ToArray()));
        Entry("annotation_texts", s => NpyWriter.WriteStrings(s, signal.Annotations.Select(a => a.Text).ToArray()));
    }

    /// <summary>Writes beside the target and moves over it when complete, so a failed export leaves no half file.</summary>
    private static void WriteAtomically(string path, Action<Stream> write)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        string partial = path + ".partial";
        try
        {
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private sealed record ExportedSignals(string[] Names, string[] Units, double SampleRate, double[][] Channels, int Samples, IReadOnlyList<EdfAnnotation> Annotations)
    {
        public double[] Interleaved()
        {
            var values = new double[(long)Samples * Channels.Length];
            for (int n = 0; n < Samples; n++)
            {
                for (int c = 0; c < Channels.Length; c++)
                {
                    values[((long)n * Channels.Length) + c] = Channels[c][n];
                }
            }

            return values;
        }

        /// <summary>For each sample the text of the annotation with a duration covering it (a cue), else empty.</summary>
        public string[] CueAtEachSample()
        {
            var cue = new string[Samples];
            Array.Fill(cue, string.Empty);
            foreach (EdfAnnotation a in Annotations)
            {
                if (a.Duration is not > 0 || a.Text.StartsWith("BAD", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                int start = Math.Max(0, (int)Math.Round(a.Onset * SampleRate));
                int end = Math.Min(Samples, (int)Math.Round((a.Onset + a.Duration.Value) * SampleRate));
                for (int n = start; n < end; n++)
                {
                    cue[n] = a.Text;
                }
            }

            return cue;
        }

        public object Metadata() => new
        {
            data = "samples x channels, float64, physical units",
            sampleRate = SampleRate,
            channelNames = Names,
            units = Units,
            samples = Samples,
            annotations = Annotations.Select(a => new { onset = a.Onset, duration = a.Duration, text = a.Text }).ToArray(),
        };
    }
}
