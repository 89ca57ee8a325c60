namespace Wearable.Cli.Tests;

/// <summary>`wearable view` and `demo --view` from the command line (the page itself is tested in Wearable.View.Tests).</summary>
public class ViewCommandTests
{
    [Fact]
    public void View_serves_a_virtual_device_on_loopback_and_says_where()
    {
        string folder = Directory.CreateTempSubdirectory("wearable-view-cli-").FullName;
        try
        {
            var result = CliRunner.Run("view", "sim://?transport=inproc&channels=4&rate=500", "--port", "0", "--seconds", "0.5", "--out-dir", folder);
            Assert.True(result.ExitCode == 0, result.Error + result.Out);
            Assert.Matches(@"live view at http://127\.0\.0\.1:\d+/ \(recordings go to " + System.Text.RegularExpressions.Regex.Escape(folder), result.Out);
            Assert.DoesNotContain("warning", result.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Binding_beyond_loopback_warns_that_the_page_has_no_login()
    {
        var result = CliRunner.Run("view", "sim://?transport=inproc&channels=2&rate=250", "--port", "0", "--bind", "0.0.0.0", "--seconds", "0.5", "--out-dir", Path.GetTempPath());
        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.Contains("warning: the live view listens on 0.0.0.0", result.Error);
    }

    [Theory]
    [InlineData("--bind", "example.org")]
    [InlineData("--port", "70000")]
    public void A_bad_address_or_port_is_a_usage_error_naming_the_option(string option, string value)
    {
        var result = CliRunner.Run("view", "sim://", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error);
    }

    [Fact]
    public void A_model_for_another_device_is_refused_before_anything_is_pushed()
    {
        string model = TestSupport.RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl");
        var result = CliRunner.Run("view", "sim://?transport=inproc&channels=4&rate=500", "--port", "0", "--seconds", "0.5", "--model", model);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: random-emg-cnn-8ch.wmdl expects 8 ch", result.Error);
    }

    [Fact]
    public void Demo_with_view_serves_the_page_while_it_runs()
    {
        string path = Path.Combine(Path.GetTempPath(), "wearable-demo-view-" + Guid.NewGuid().ToString("N") + ".edf");
        try
        {
            var result = CliRunner.Run("demo", "--seconds", "1", "--source", "synthetic", "--out", path, "--view");
            Assert.True(result.ExitCode == 0, result.Error + result.Out);
            Assert.Matches(@"live view at http://127\.0\.0\.1:\d+/", result.Out);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
