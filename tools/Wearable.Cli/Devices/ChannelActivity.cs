using Wearable.EdgeHost.Sessions;

namespace Wearable.Cli.Devices;

/// <summary>Per-channel RMS (µV, mean removed) over a window of session rows: the live "is it working" figure.</summary>
public static class ChannelActivity
{
    public static double[] Rms(double[][] data, BoardDescription board)
    {
        var rms = new double[board.ChannelNames.Count];
        for (int c = 0; c < rms.Length; c++)
        {
            double[] row = data[board.ExgRows[c]];
            if (row.Length == 0)
            {
                continue;
            }

            double mean = row.Average();
            double sum = 0;
            foreach (double v in row)
            {
                sum += (v - mean) * (v - mean);
            }

            rms[c] = Math.Sqrt(sum / row.Length);
        }

        return rms;
    }

    public static string Format(double[] rms) =>
        string.Join(" ", rms.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture).PadLeft(5)));
}
