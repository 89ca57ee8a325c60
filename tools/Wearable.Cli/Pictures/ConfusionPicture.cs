using ScottPlot;

namespace Wearable.Cli.Pictures;

/// <summary>
/// A confusion matrix (rows: true class, columns: decided class, cells: share of the row) beside the
/// per-class accuracy as bars, in one PNG: where a model confuses which gestures at a glance.
/// </summary>
public static class ConfusionPicture
{
    public static void Save(string path, IReadOnlyList<string> classes, int[,] counts, string title)
    {
        int n = classes.Count;
        var shares = new double[n, n];
        var accuracy = new double[n];
        for (int t = 0; t < n; t++)
        {
            double total = 0;
            for (int p = 0; p < n; p++)
            {
                total += counts[t, p];
            }

            for (int p = 0; p < n; p++)
            {
                // ScottPlot draws heatmap row 0 at the top, where the first class's tick is.
                shares[t, p] = total == 0 ? 0 : counts[t, p] / total;
            }

            accuracy[t] = total == 0 ? 0 : 100 * counts[t, t] / total;
        }

        var pictures = new Multiplot();
        pictures.AddPlots(2);
        pictures.Layout = new ScottPlot.MultiplotLayouts.Columns();
        double[] positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        string[] names = classes.ToArray();

        Plot matrix = pictures.GetPlot(0);
        var heatmap = matrix.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        for (int t = 0; t < n; t++)
        {
            for (int p = 0; p < n; p++)
            {
                var text = matrix.Add.Text(counts[t, p].ToString(System.Globalization.CultureInfo.InvariantCulture), p, n - 1 - t);
                text.LabelFontColor = shares[t, p] > 0.5 ? Colors.Black : Colors.White;
                text.LabelAlignment = Alignment.MiddleCenter;
            }
        }

        matrix.Add.ColorBar(heatmap);
        matrix.Axes.Bottom.SetTicks(positions, names);
        matrix.Axes.Left.SetTicks(positions, names.Reverse().ToArray());
        matrix.Title(title);
        matrix.XLabel("decided");
        matrix.YLabel("true");

        Plot bars = pictures.GetPlot(1);
        bars.Add.Bars(accuracy);
        bars.Axes.Bottom.SetTicks(positions, names);
        bars.Axes.SetLimitsY(0, 100);
        bars.Title("per-class accuracy");
        bars.YLabel("% of the class's windows");
        pictures.SavePng(path, 400 + (120 * n), 360 + (12 * n));
    }
}
