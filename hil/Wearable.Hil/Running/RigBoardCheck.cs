using Wearable.EdgeHost.Boards;
using Wearable.Hil.Rigs;

namespace Wearable.Hil.Running;

/// <summary>
/// A rig names the board it expects; a target that reports another one is the wrong device on the
/// port (or a rig file copied from another bench), and its results would be filed under the wrong
/// board. Refused before any vector runs.
/// </summary>
public static class RigBoardCheck
{
    public static void Verify(RigDescription rig, IHilTarget target)
    {
        string? reported = target.BoardName;
        if (string.IsNullOrEmpty(rig.Board) || string.IsNullOrEmpty(reported) || Matches(rig.Board, reported))
        {
            return;
        }

        BoardDefinition? expected = BoardCatalog.Find(rig.Board);
        string expectedText = expected is null || string.Equals(expected.ReportedName, rig.Board, StringComparison.Ordinal)
            ? $"'{rig.Board}'"
            : $"'{rig.Board}' (it reports itself as '{expected.ReportedName}')";
        throw new HilTargetException(
            $"Rig '{rig.Name}' expects board {expectedText}, but the target reports '{reported}'. "
            + "Connect the board the rig is for, or correct the rig's \"board\" field.");
    }

    // The rig may use the board's --board name or the name its DeviceInfo reports.
    private static bool Matches(string rigBoard, string reported)
    {
        if (string.Equals(rigBoard, reported, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        BoardDefinition? expected = BoardCatalog.Find(rigBoard);
        return expected is not null && string.Equals(expected.ReportedName, reported, StringComparison.OrdinalIgnoreCase);
    }
}
