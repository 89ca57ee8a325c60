using ScottPlot;
using Wearable.EdgeHost.Recording;

namespace Wearable.Cli.Pictures;

/// <summary>
/// A recording at a glance: every channel's trace stacked (each scaled to its own range, so a quiet
/// channel still shows), with the cues and markers as labelled vertical lines. Read from the file, so
/// it shows what was written.
/// </summary>
public static class ChannelSummaryPicture
{
    /// <summary>Points drawn per channel at most (the trace is decimated by taking each stretch's extreme).</summary>
    private const int MaxPoints = 4000;

    public static void Save(string recording, string path)
    {
        using var reader = EdfReader.Open(recording);
        int[] data = Enumerable.Range(0, reader.Header.Signals.Count).Where(i => !reader.Header.Signals[i].IsAnnotation).ToArray();
        var plot = new Plot();
        for (int row = 0; row < data.Length; row++)
        {
            double[] values = reader.ReadPhysical(data[row]);
            double rate = reader.SampleRate(data[row]);
            int step = Math.Max(1, (values.Length + MaxPoints - 1) / MaxPoints);
            double peak = Math.Max(1e-12, values.Length == 0 ? 1 : values.Max(Math.Abs));
            var xs = new List<double>();
            var ys = new List<double>();
            for (int start = 0; start < values.Length; start += step)
            {
                int end = Math.Min(values.Length, start + step);
                int extreme = start;
                for (int i = start; i < end; i++)
                {
                    extreme = Math.Abs(values[i]) > Math.Abs(values[extreme]) ? i : extreme;
                }

                xs.Add(extreme / rate);
                ys.Add((data.Length - 1 - row) + (0.45 * values[extreme] / peak));
            }

            var trace = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            trace.LineWidth = 1;
            trace.LegendText = reader.Header.Signals[data[row]].Label.Trim();
        }

        foreach (EdfAnnotation annotation in reader.ReadAnnotations())
        {
            var line = plot.Add.VerticalLine(annotation.Onset);
            line.LineWidth = 1;
            line.Color = annotation.Duration is > 0 ? Colors.DarkOrange : Colors.Gray;
            line.Text = annotation.Text.Length > 24 ? annotation.Text[..24] : annotation.Text;
            line.LabelOppositeAxis = true;
        }

        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, data.Length).Select(i => (double)(data.Length - 1 - i)).ToArray(),
            data.Select(i => reader.Header.Signals[i].Label.Trim()).ToArray());
        plot.XLabel("seconds");
        plot.Title(Path.GetFileName(recording) + ": " + data.Length + " channels, each scaled to its own peak");
        plot.SavePng(path, 1200, 160 + (60 * data.Length));
    }
}
