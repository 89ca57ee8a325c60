using Wearable.TestSupport;

namespace Wearable.Cli.Tests;

public class CommandLineTests
{
    [Fact]
    public void Unknown_verb_exits_2_with_a_usage_hint()
    {
        var result = CliRunner.Run("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Error);
        Assert.Contains("wearable --help", result.Error);
    }

    [Fact]
    public void Gate_json_reports_the_real_tree_as_passing()
    {
        var result = CliRunner.Run("gate", "--json", "--root", RepositoryPaths.Root);

        var json = result.Json();
        Assert.True(json.GetProperty("passed").GetBoolean(), result.Out);
        Assert.True(json.GetProperty("filesChecked").GetInt32() > 0);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Gate_on_a_folder_that_is_not_the_repository_is_a_one_line_error_with_a_hint()
    {
        string empty = Directory.CreateTempSubdirectory("wearable-cli").FullName;

        var result = CliRunner.Run("gate", "--root", empty);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: " + empty + " is not the Wearable repository", result.Error);
        Assert.Contains("hint: Pass --root", result.Error);
    }
}
