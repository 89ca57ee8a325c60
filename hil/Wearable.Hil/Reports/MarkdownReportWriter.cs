using System.Globalization;
using System.Text;
using Wearable.Hil.Running;

namespace Wearable.Hil.Reports;

/// <summary>A Markdown report for people: verdict first, then a row per kernel with its first mismatch and device time.</summary>
public static class MarkdownReportWriter
{
    public static string Build(HilRunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# HIL report: {report.Rig}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- target: {report.Target}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- started: {report.Started:u}, took {report.Duration.TotalSeconds:F1} s");
        text.AppendLine(CultureInfo.InvariantCulture, $"- verdict: **{(report.Success ? "PASS" : "FAIL")}**: {report.Passed} of {report.Vectors} vectors identical, {report.Failed} differ");
        text.AppendLine();
        text.AppendLine("| kernel | result | vectors | first mismatch | mean device time |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (KernelResult kernel in report.Kernels)
        {
            string time = double.IsNaN(kernel.MeanMicroseconds) ? "-" : kernel.MeanMicroseconds.ToString("F1", CultureInfo.InvariantCulture) + " µs";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {kernel.Kernel} | {(kernel.Success ? "pass" : "FAIL")} | {kernel.Passed}/{kernel.Vectors} | {kernel.FirstMismatch?.Detail ?? "-"} | {time} |");
        }

        return text.ToString();
    }
}
