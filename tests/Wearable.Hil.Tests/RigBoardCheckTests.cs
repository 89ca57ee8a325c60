using Wearable.Cli.Devices;
using Wearable.Hil.Rigs;
using Wearable.Hil.Running;
using Wearable.TestSupport;

namespace Wearable.Hil.Tests;

/// <summary>A rig refuses a target that reports another board than the one it names, before any vector runs.</summary>
public sealed class RigBoardCheckTests
{
    [Theory]
    [InlineData("esp32", "ESP32")]
    [InlineData("ESP32", "ESP32")]
    [InlineData("meadow", "Meadow-F7")]
    [InlineData("virtual", "virtual")]
    public void A_board_named_by_its_board_name_or_its_reported_name_is_accepted(string rigBoard, string reported)
    {
        RigBoardCheck.Verify(Rig(rigBoard), new ReportingTarget(reported));
    }

    [Theory]
    [InlineData(null, "virtual")]
    [InlineData("esp32", null)]
    public void Without_a_board_on_either_side_there_is_nothing_to_check(string? rigBoard, string? reported)
    {
        RigBoardCheck.Verify(Rig(rigBoard), new ReportingTarget(reported));
    }

    [Fact]
    public void Another_board_is_refused_naming_both()
    {
        var error = Assert.Throws<HilTargetException>(() => RigBoardCheck.Verify(Rig("esp32"), new ReportingTarget("virtual")));

        Assert.Contains("'esp32' (it reports itself as 'ESP32')", error.Message);
        Assert.Contains("the target reports 'virtual'", error.Message);
    }

    [Fact]
    public void A_rig_for_an_esp32_refuses_the_virtual_device_before_running_a_vector()
    {
        var esp32Rig = new RigDescription { Name = "bench-3", Target = "sim://?seed=1", Board = "esp32", Suites = ["never-read.hilsuite"] };

        var error = Assert.Throws<HilTargetException>(() => RigRun.Execute(esp32Rig, null, new VirtualDeviceLauncher()));

        Assert.Contains("Rig 'bench-3' expects board 'esp32'", error.Message);
    }

    private static RigDescription Rig(string? board) => new() { Name = "bench", Target = "sim://", Board = board, Suites = [] };

    private sealed class ReportingTarget(string? board) : IHilTarget
    {
        public string Description => "fake";

        public string? BoardName => board;

        public HilOutcome Run(string kernel, byte[] input, TimeSpan timeout) => throw new InvalidOperationException("no vector may run");

        public void Dispose()
        {
        }
    }
}
