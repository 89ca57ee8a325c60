using Wearable.EdgeHost.Connections;
using Wearable.Hil.Running;
using Wearable.VirtualDevice;

namespace Wearable.Cli.Simulation;

/// <summary>
/// Starts a virtual board in this process on a real pseudo-terminal for a <c>sim://</c> HIL target.
/// Options: seed, channels, rate, and perturb=KERNEL (the board's fault injection for the rig self-test).
/// </summary>
public static class VirtualDeviceLauncher
{
    public static SimulatedDevice Launch(ConnectionString connection)
    {
        connection.Options.TryGetValue("perturb", out string? perturb);
        var options = new VirtualDeviceOptions
        {
            Transport = "pty",
            Quiet = true,
            Seed = connection.GetInt("seed", 1),
            Channels = connection.GetInt("channels", 16),
            SampleRate = connection.GetInt("rate", 2000),
            PairingWindow = TimeSpan.FromMinutes(10),
            PerturbKernel = string.IsNullOrEmpty(perturb) ? null : perturb,
        };
        VirtualBoard board;
        try
        {
            board = new VirtualBoard(options);
        }
        catch (ArgumentException ex)
        {
            throw new HilTargetException($"Cannot start the virtual device for '{connection.Text}': {ex.Message}");
        }

        board.Start();
        return new SimulatedDevice(board.SlavePath!, board, options.PerturbKernel is null ? string.Empty : ", perturbed kernel " + options.PerturbKernel);
    }
}
