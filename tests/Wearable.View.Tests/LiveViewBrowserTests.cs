using System.Net;
using Microsoft.Playwright;
using Wearable.Cli.Verbs;
using Wearable.EdgeHost.Recording;
using Wearable.TestSupport;

namespace Wearable.View.Tests;

/// <summary>
/// 'wearable view' against a virtual device, in a real headless chromium: the page opens, traces move,
/// the device's decision appears, and a marker clicked while recording lands in the EDF+ file. Every
/// wait is on a condition in the page, never on time.
/// </summary>
public sealed class LiveViewBrowserTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wearable-view-browser-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ChromiumFact]
    public async Task The_page_shows_moving_traces_and_a_decision_and_a_marker_reaches_the_recording()
    {
        string model = RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl");
        var request = new ViewCommand.ViewRequest("sim://?transport=inproc&channels=8&rate=2000&source=synthetic", IPAddress.Loopback, 0, true, _folder, model);
        await using ViewCommand.RunningView view = ViewCommand.Start(request, TextWriter.Null);
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumFactAttribute.ExecutablePath, Headless = true });
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(view.Url.ToString());

        // Traces move: the sample counter grows and the canvas is redrawn with different pixels.
        await page.WaitForFunctionAsync("() => Number(document.getElementById('samples').dataset.count) > 0");
        long before = long.Parse(await page.GetAttributeAsync("#samples", "data-count") ?? "0");
        string pixels = await page.EvaluateAsync<string>("() => document.getElementById('traces').toDataURL()");
        await page.WaitForFunctionAsync(
            "([count, pixels]) => Number(document.getElementById('samples').dataset.count) > count && document.getElementById('traces').toDataURL() !== pixels",
            new object[] { before, pixels });

        // The device's model decides, and the page shows the label with its confidence.
        await page.WaitForFunctionAsync("() => document.getElementById('decision-label').dataset.classId !== undefined");
        string label = await page.InnerTextAsync("#decision-label");
        Assert.Contains(label, new[] { "rest", "fist", "open", "pinch", "wrist-flexion", "wrist-extension" });
        Assert.Contains("confidence", await page.InnerTextAsync("#decision-detail"));

        // Record, mark, stop: the marker is in the file.
        await page.ClickAsync("#record");
        await page.WaitForSelectorAsync("#recording-status[data-active='true']");
        await page.ClickAsync("#marker");
        await page.WaitForSelectorAsync("#markers li[data-number='1']");
        await page.WaitForFunctionAsync("() => document.getElementById('contact').querySelector('li.good, li.mains, li.no-signal') !== null");
        await SaveScreenshotAsync(page);
        await page.ClickAsync("#record");
        await page.WaitForFunctionAsync("() => document.getElementById('recording-status').dataset.lastFile !== ''");
        string file = await page.GetAttributeAsync("#recording-status", "data-last-file") ?? string.Empty;

        Assert.StartsWith(_folder, file);
        using EdfReader reader = EdfReader.Open(file);
        Assert.Equal(8, reader.Header.Signals.Count(s => !s.IsAnnotation));
        Assert.Contains(reader.ReadAnnotations(), a => a.Text == "marker 1");
    }

    // The screenshot in docs/images is refreshed on request only, so a test run never dirties the tree.
    private async Task SaveScreenshotAsync(IPage page)
    {
        string path = Environment.GetEnvironmentVariable("WEARABLE_UPDATE_SCREENSHOTS") == "1"
            ? RepositoryPaths.InRepo("docs", "images", "live-view.png")
            : Path.Combine(_folder, "live-view.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Assert.True(new FileInfo(path).Length > 10_000, "the screenshot is empty");
    }
}
