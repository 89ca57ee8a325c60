using Wearable.Cli.Firmware;

namespace Wearable.Cli.Tests;

/// <summary>
/// `wearable firmware build`. The build itself (a dotnet build plus the metadata processor, about a minute)
/// is a verb to run, not a unit test; CI compiles the same projects in every build of Wearable.sln, and
/// Wearable.Portability.Tests checks their output. Here: what the verb promises without building.
/// </summary>
public class FirmwareCommandTests
{
    [Fact]
    public void A_board_without_a_nanoFramework_build_is_one_clear_error()
    {
        var result = CliRunner.Run("firmware", "build", "--board", "meadow");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--board must be esp32", result.Error);
        Assert.Contains("'meadow'", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void The_esp32_budget_is_its_deployment_partition_and_heap()
    {
        FirmwareBoard board = FirmwareBoard.Find("esp32");

        Assert.Equal(1_835_008, board.DeploymentFlashBytes);
        Assert.Equal(114_688, board.ManagedHeapBytes);
        Assert.Equal(new[] { "Wearable.Kernels", "Wearable.Firmware.Core" }, FirmwareBuilder.Layers);
    }
}
