namespace Wearable.Modeling.Training;

/// <summary>
/// What a float model trained on one's own recordings carries besides its weights: class names, the
/// input rate, the decision hop, device units per count (an EDF signal's gain) and the data folder.
/// </summary>
public sealed record FloatModelCard(IReadOnlyList<string> ClassNames, double SampleRate, int DecisionHop, double UnitsPerCount, string Dataset);
