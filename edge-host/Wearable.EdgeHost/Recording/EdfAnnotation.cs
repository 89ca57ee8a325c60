namespace Wearable.EdgeHost.Recording;

/// <summary>
/// One EDF+ annotation (a marker or an inference event): onset in seconds from the file's start time,
/// optional duration in seconds, and a UTF-8 text.
/// </summary>
public sealed record EdfAnnotation(double Onset, double? Duration, string Text);
