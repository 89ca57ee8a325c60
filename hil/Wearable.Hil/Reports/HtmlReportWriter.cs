using System.Globalization;
using System.Net;
using System.Text;
using Wearable.Hil.Running;

namespace Wearable.Hil.Reports;

/// <summary>A self-contained HTML page of the same content as the Markdown report, for archiving with CI artifacts.</summary>
public static class HtmlReportWriter
{
    public static string Build(HilRunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>HIL report</title>");
        html.AppendLine("<style>body{font-family:sans-serif}td,th{padding:4px 8px;border-bottom:1px solid #ccc}.fail{color:#b00;font-weight:bold}.pass{color:#070}</style></head><body>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<h1>HIL report: {E(report.Rig)}</h1>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<p>Target {E(report.Target)}; started {report.Started:u}; {report.Duration.TotalSeconds:F1} s.</p>");
        html.AppendLine(CultureInfo.InvariantCulture,
            $"<p class=\"{(report.Success ? "pass" : "fail")}\">{(report.Success ? "PASS" : "FAIL")}: {report.Passed} of {report.Vectors} vectors identical, {report.Failed} differ.</p>");
        html.AppendLine("<table><tr><th>kernel</th><th>result</th><th>vectors</th><th>first mismatch</th><th>mean device time (µs)</th></tr>");
        foreach (KernelResult kernel in report.Kernels)
        {
            string time = double.IsNaN(kernel.MeanMicroseconds) ? "-" : kernel.MeanMicroseconds.ToString("F1", CultureInfo.InvariantCulture);
            html.AppendLine(CultureInfo.InvariantCulture,
                $"<tr><td>{E(kernel.Kernel)}</td><td class=\"{(kernel.Success ? "pass" : "fail")}\">{(kernel.Success ? "pass" : "FAIL")}</td><td>{kernel.Passed}/{kernel.Vectors}</td><td>{E(kernel.FirstMismatch?.Detail ?? "-")}</td><td>{time}</td></tr>");
        }

        html.AppendLine("</table></body></html>");
        return html.ToString();
    }
}
