namespace Wearable.EdgeHost.Recording;

/// <summary>One step of a cued protocol: what the person does (the class label) and for how long.</summary>
public sealed record CueStep(string Label, double Seconds);
