namespace Wearable.Hil.Running;

/// <summary>
/// A simulated device listening on a pseudo-terminal with its pairing window open; disposing stops it.
/// The hil layer cannot start one itself (it sits above edge-host only), so the caller supplies a launcher.
/// </summary>
public sealed class SimulatedDevice(string pseudoTerminal, IDisposable owner, string note = "") : IDisposable
{
    public string PseudoTerminal { get; } = pseudoTerminal;

    /// <summary>Extra words for the report, e.g. ", perturbed kernel cnn.requantize".</summary>
    public string Note { get; } = note;

    public void Dispose() => owner.Dispose();
}

/// <summary>Starts the device a <c>sim://</c> connection string describes; throws <see cref="HilTargetException"/> for bad options.</summary>
public delegate SimulatedDevice SimulatedDeviceLauncher(Wearable.EdgeHost.Connections.ConnectionString connection);
