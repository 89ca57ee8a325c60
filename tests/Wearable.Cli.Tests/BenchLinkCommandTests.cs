namespace Wearable.Cli.Tests;

/// <summary>`wearable bench link --json`: the shape of the report, never the speed.</summary>
public class BenchLinkCommandTests
{
    [Fact]
    public void Bench_link_json_reports_percentiles_and_loss()
    {
        var result = CliRunner.Run("bench", "link", "--json", "--seconds", "1", "--channels", "4", "--rate", "1000");
        Assert.True(result.ExitCode == 0, result.Error);
        var json = result.Json();
        Assert.Equal("pty", json.GetProperty("transport").GetString());
        Assert.Equal(921600, json.GetProperty("baud").GetInt32());
        Assert.Equal(0, json.GetProperty("lostBlocks").GetInt64());
        long blocks = json.GetProperty("blocks").GetInt64();
        Assert.InRange(blocks, 50, 200); // one second of 10 ms blocks, give or take start-up
        var latency = json.GetProperty("latencyMs");
        Assert.True(latency.GetProperty("count").GetInt32() > 0);
        double p50 = latency.GetProperty("p50").GetDouble();
        double p99 = latency.GetProperty("p99").GetDouble();
        Assert.True(p50 >= 0 && p99 >= p50 && latency.GetProperty("max").GetDouble() >= p99, $"p50 {p50}, p99 {p99}");
        Assert.Equal(20, json.GetProperty("targetP99Ms").GetDouble());
        Assert.Equal("bool", JsonValueKind(json.GetProperty("meetsTarget")));
    }

    [Fact]
    public void Bench_link_refuses_an_unknown_transport()
    {
        var result = CliRunner.Run("bench", "link", "--transport", "carrier-pigeon");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--transport", result.Error);
    }

    private static string JsonValueKind(System.Text.Json.JsonElement e) =>
        e.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? "bool" : e.ValueKind.ToString();
}
