namespace Wearable.Modeling.Datasets;

/// <summary>How much labelled data one class has: windows cut from it and the seconds they cover.</summary>
public sealed record ClassCount(string ClassName, int Windows, double Seconds);
