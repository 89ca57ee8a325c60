using ScottPlot;

namespace Wearable.Cli.Pictures;

/// <summary>One bar per measured item (e.g. a kernel's median µs), horizontal so long names stay readable.</summary>
public static class BarChartPicture
{
    public static void Save(string path, IReadOnlyList<string> names, IReadOnlyList<double> values, string title, string unit)
    {
        var plot = new Plot();
        int n = names.Count;
        var bars = new List<Bar>();
        for (int i = 0; i < n; i++)
        {
            bars.Add(new Bar { Position = n - 1 - i, Value = values[i], FillColor = Colors.SteelBlue });
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray(), names.ToArray());
        plot.Axes.Margins(left: 0);
        plot.XLabel(unit);
        plot.Title(title);
        plot.SavePng(path, 1000, 120 + (26 * n));
    }
}
