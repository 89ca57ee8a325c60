namespace Wearable.View;

/// <summary>One channel's contact: <see cref="Verdict"/> is good, mains or no-signal; RMS and mains in µV.</summary>
public sealed record ContactVerdict(string Verdict, double RmsMicrovolts, double MainsMicrovolts)
{
    public const string Good = "good";
    public const string Mains = "mains";
    public const string NoSignal = "no-signal";
}
