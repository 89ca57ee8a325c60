namespace Wearable.Cli.Tests;

/// <summary>`wearable bench kernels` runs its cases and reports them; these tests check the output, never the speed.</summary>
public class BenchCommandTests
{
    [Fact]
    public void Bench_kernels_json_reports_the_selected_cases()
    {
        var result = CliRunner.Run("bench", "kernels", "--json", "--seconds", "0.05", "--filter", "l2mu");
        Assert.Equal(0, result.ExitCode);
        var results = result.Json().GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["l2mu-step-dense", "l2mu-step-event-driven"], results.Select(r => r.GetProperty("name").GetString()));
        Assert.All(results, r => Assert.True(r.GetProperty("cpuNanosecondsPerUnitMedian").GetDouble() > 0));
        Assert.True(results[1].GetProperty("speedupOverBaseline").GetDouble() > 0);
    }

    [Fact]
    public void Bench_kernels_plot_draws_a_bar_per_case()
    {
        string plot = Path.Combine(Path.GetTempPath(), "wearable-bench-" + Environment.ProcessId + ".png");
        try
        {
            var result = CliRunner.Run("bench", "kernels", "--json", "--seconds", "0.05", "--filter", "l2mu", "--plot", plot);
            Assert.Equal(0, result.ExitCode);
            PictureAssert.IsNonTrivialPng(plot, minimumHeight: 150);
        }
        finally
        {
            File.Delete(plot);
        }
    }

    [Fact]
    public void Unknown_filter_is_a_user_error_with_the_known_names()
    {
        var result = CliRunner.Run("bench", "kernels", "--filter", "no-such-kernel");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No benchmark matches", result.Error);
        Assert.Contains("emg-front-end-16ch", result.Error);
    }

    [Fact]
    public void Bad_budget_is_refused()
    {
        var result = CliRunner.Run("bench", "kernels", "--seconds", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--seconds", result.Error);
    }
}
