namespace Wearable.Modeling.Training;

/// <summary>
/// The shape chosen for a gesture CNN: window and hops in samples, the layer spec, the input scale, and
/// the estimated int8 bytes on the device (weights plus the two largest activations alive at once).
/// </summary>
public sealed record ModelSize(int WindowLength, int TrainHop, int DecisionHop, string Spec, float InputScale, long EstimatedDeviceBytes);
