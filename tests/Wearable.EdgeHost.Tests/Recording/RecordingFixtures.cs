using Wearable.EdgeHost.Recording;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>Generated recordings with known content, for writer/reader/repair tests.</summary>
internal static class RecordingFixtures
{
    public static readonly DateTime Start = new(2026, 11, 21, 6, 30, 15, DateTimeKind.Unspecified);

    public static EdfWriterOptions Options(EdfVariant variant, int[] samplesPerRecord, double duration = 1.0, bool annotations = true)
    {
        bool bdf = variant == EdfVariant.Bdf;
        var signals = new EdfSignal[samplesPerRecord.Length];
        for (int i = 0; i < signals.Length; i++)
        {
            signals[i] = EdfSignal.Data(
                "EMG" + (i + 1),
                samplesPerRecord[i],
                physicalMinimum: bdf ? -262144 : -3276.8,
                physicalMaximum: bdf ? 262143.97 : 3276.7,
                digitalMinimum: bdf ? -8388608 : -32768,
                digitalMaximum: bdf ? 8388607 : 32767,
                transducer: "AgAgCl electrode",
                prefiltering: "HP:20Hz LP:450Hz");
        }

        return new EdfWriterOptions
        {
            Variant = variant,
            Signals = signals,
            StartTime = Start,
            RecordDuration = duration,
            PatientId = "P042 M 01-JAN-1990 Test_Subject",
            Annotations = annotations,
        };
    }

    /// <summary>samples[record][signal][i], random over each signal's whole digital range (so extremes occur).</summary>
    public static int[][][] RandomRecords(Random random, EdfWriterOptions options, int records)
    {
        var data = new int[records][][];
        for (int r = 0; r < records; r++)
        {
            data[r] = new int[options.Signals.Count][];
            for (int s = 0; s < options.Signals.Count; s++)
            {
                EdfSignal signal = options.Signals[s];
                var values = new int[signal.SamplesPerRecord];
                for (int i = 0; i < values.Length; i++)
                {
                    int pick = random.Next(10);
                    values[i] = pick == 0 ? signal.DigitalMinimum : pick == 1 ? signal.DigitalMaximum : random.Next(signal.DigitalMinimum, signal.DigitalMaximum + 1);
                }

                data[r][s] = values;
            }
        }

        return data;
    }

    /// <summary>Writes the records (annotations queued first); returns how many annotations found no room.</summary>
    public static int Write(string path, EdfWriterOptions options, int[][][] records, IEnumerable<EdfAnnotation>? annotations = null)
    {
        var writer = EdfWriter.Create(path, options);
        foreach (var a in annotations ?? [])
        {
            writer.AddAnnotation(a.Onset, a.Duration, a.Text);
        }

        foreach (var record in records)
        {
            writer.WriteRecord(record);
        }

        writer.Dispose();
        return writer.PendingAnnotations;
    }
}
