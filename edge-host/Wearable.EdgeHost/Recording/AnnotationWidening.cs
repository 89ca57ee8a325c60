namespace Wearable.EdgeHost.Recording;

/// <summary>
/// Makes room for annotations that did not fit a recording's annotation signal: rewrites the file with
/// an annotation signal wide enough for every record's share (each annotation in the record its onset
/// falls in), data bytes copied unchanged. The new file is written beside the old one and moved over it
/// only when complete, so an interruption leaves the original recording as it was.
/// </summary>
internal static class AnnotationWidening
{
    public static void Widen(string path, EdfHeader header, int annotationSignal, IReadOnlyList<EdfAnnotation> extra)
    {
        int bytesPerSample = header.BytesPerSample;
        long records = header.DataRecords;
        int[] offsets = SignalOffsets(header);
        int annotationStart = offsets[annotationSignal];
        int annotationBytes = header.Signals[annotationSignal].SamplesPerRecord * bytesPerSample;
        var perRecord = new List<EdfAnnotation>[records];
        var recordBytes = new byte[header.RecordBytes];
        using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            for (long r = 0; r < records; r++)
            {
                source.Position = header.HeaderBytes + (r * recordBytes.Length);
                source.ReadExactly(recordBytes);
                perRecord[r] = [];
                TalCodec.Read(recordBytes, annotationStart, annotationBytes, 0, perRecord[r]);
            }
        }

        foreach (EdfAnnotation annotation in extra)
        {
            long r = (long)Math.Floor(annotation.Onset / header.RecordDuration);
            perRecord[Math.Clamp(r, 0, records - 1)].Add(annotation);
        }

        int needed = 0;
        for (long r = 0; r < records; r++)
        {
            int bytes = TimeKeeping(header, r).Length + 3;
            foreach (EdfAnnotation a in perRecord[r])
            {
                bytes += TalCodec.Size(a.Onset, a.Duration, a.Text);
            }

            needed = Math.Max(needed, bytes);
        }

        int samples = (needed + bytesPerSample - 1) / bytesPerSample;
        var signals = header.Signals.ToArray();
        signals[annotationSignal] = signals[annotationSignal] with { SamplesPerRecord = samples };
        EdfHeader widened = header with { Signals = signals };
        string temporary = path + ".widening";
        using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        using (var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            target.Write(EdfHeaderFormatter.Format(widened));
            int newAnnotationBytes = samples * bytesPerSample;
            var annotation = new byte[newAnnotationBytes];
            for (long r = 0; r < records; r++)
            {
                source.Position = header.HeaderBytes + (r * recordBytes.Length);
                source.ReadExactly(recordBytes);
                target.Write(recordBytes, 0, annotationStart);
                Array.Clear(annotation);
                int at = 0;
                foreach (char c in TimeKeeping(header, r))
                {
                    annotation[at++] = (byte)c;
                }

                annotation[at++] = 0x14;
                annotation[at++] = 0x14;
                annotation[at++] = 0;
                foreach (EdfAnnotation a in perRecord[r])
                {
                    at = TalCodec.Write(annotation, at, newAnnotationBytes, a.Onset, a.Duration, a.Text);
                }

                target.Write(annotation);
                target.Write(recordBytes, annotationStart + annotationBytes, recordBytes.Length - annotationStart - annotationBytes);
            }

            target.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static string TimeKeeping(EdfHeader header, long record) =>
        "+" + ((decimal)header.RecordDuration * record).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int[] SignalOffsets(EdfHeader header)
    {
        var offsets = new int[header.Signals.Count];
        int offset = 0;
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = offset;
            offset += header.Signals[i].SamplesPerRecord * header.BytesPerSample;
        }

        return offsets;
    }
}
