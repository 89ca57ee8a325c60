using Wearable.EdgeHost.Connections;
using Wearable.Hil.Running;
using Wearable.VirtualDevice;

namespace Wearable.Cli.Simulation;

/// <summary>
/// Starts a virtual board in this process on a real pseudo-terminal for a <c>sim://</c> HIL target.
/// Options: seed, channels, rate, source=FILE (a Myo .dat / Muse .csv to replay), model=FILE (HIL kernel model.example), fast=1 (device time
/// as fast as the link drains), and perturb=KERNEL (the board's fault injection for the rig self-test).
/// </summary>
public static class VirtualDeviceLauncher
{
    public static SimulatedDevice Launch(ConnectionString connection)
    {
        connection.Options.TryGetValue("perturb", out string? perturb);
        connection.Options.TryGetValue("source", out string? source);
        connection.Options.TryGetValue("model", out string? model);
        var options = new VirtualDeviceOptions
        {
            Transport = "pty",
            Quiet = true,
            Seed = connection.GetInt("seed", 1),
            Channels = connection.GetInt("channels", 16),
            SampleRate = connection.GetInt("rate", 2000),
            PairingWindow = TimeSpan.FromMinutes(10),
            PerturbKernel = string.IsNullOrEmpty(perturb) ? null : perturb,
            Source = string.IsNullOrEmpty(source) ? "synthetic" : source,
            RealTime = connection.GetInt("fast", 0) == 0,
            HilModelFile = string.IsNullOrEmpty(model) ? null : model,
        };
        VirtualBoard board;
        try
        {
            board = new VirtualBoard(options);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or Wearable.Kernels.Model.ModelFormatException)
        {
            throw new HilTargetException($"Cannot start the virtual device for '{connection.Text}': {ex.Message}");
        }

        board.Start();
        return new SimulatedDevice(board.SlavePath!, board, options.PerturbKernel is null ? string.Empty : ", perturbed kernel " + options.PerturbKernel);
    }
}
