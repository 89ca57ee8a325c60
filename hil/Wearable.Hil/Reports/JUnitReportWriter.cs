using System.Globalization;
using System.Xml.Linq;
using Wearable.Hil.Running;

namespace Wearable.Hil.Reports;

/// <summary>
/// JUnit XML, the format CI systems (GitLab, Jenkins, GitHub test reporters) read: one test suite per
/// rig, one test case per kernel, a failure element carrying the first mismatch.
/// </summary>
public static class JUnitReportWriter
{
    public static XDocument Build(HilRunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var suite = new XElement("testsuite",
            new XAttribute("name", "hil." + report.Rig),
            new XAttribute("tests", report.Kernels.Count),
            new XAttribute("failures", report.Kernels.Count(k => !k.Success)),
            new XAttribute("errors", 0),
            new XAttribute("time", report.Duration.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)),
            new XAttribute("timestamp", report.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "target"), new XAttribute("value", report.Target))));
        foreach (KernelResult kernel in report.Kernels)
        {
            var testCase = new XElement("testcase",
                new XAttribute("classname", "hil." + report.Rig),
                new XAttribute("name", kernel.Kernel),
                new XAttribute("time", double.IsNaN(kernel.MeanMicroseconds) ? "0" : (kernel.MeanMicroseconds * kernel.Vectors / 1e6).ToString("F6", CultureInfo.InvariantCulture)));
            if (!kernel.Success)
            {
                testCase.Add(new XElement("failure",
                    new XAttribute("message", $"{kernel.Failed} of {kernel.Vectors} vectors differ; first: {kernel.FirstMismatch?.Detail}"),
                    new XAttribute("type", "HilMismatch"),
                    kernel.FirstMismatch?.Detail));
            }

            testCase.Add(new XElement("system-out", $"{kernel.Passed}/{kernel.Vectors} vectors identical; suite {kernel.SuiteFile}"));
            suite.Add(testCase);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
    }

    public static void Write(HilRunReport report, string path) => Build(report).Save(path);
}
