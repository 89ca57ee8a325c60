namespace Wearable.EdgeHost.Onnx.Offload;

/// <summary>Where a model's decisions come from.</summary>
public enum ModelPlacement
{
    /// <summary>The device's own model: its inference events are passed through.</summary>
    Device,

    /// <summary>The host runs the model on the streamed samples (a model too big for the device).</summary>
    Host,

    /// <summary>Both run it; the device's decisions are passed through and each is compared with the host's (disagreements counted).</summary>
    Both,
}
