namespace Wearable.Modeling.Reference;

/// <summary>|X(f)|^2 of one block by the Goertzel recursion in double (equals |sum x[n] e^{-jwn}|^2).</summary>
public static class GoertzelDouble
{
    public static double Power(ReadOnlySpan<double> block, double frequencyHz, double sampleRateHz)
    {
        double c = 2 * Math.Cos(2 * Math.PI * frequencyHz / sampleRateHz);
        double s1 = 0, s2 = 0;
        foreach (double x in block)
        {
            double s0 = x + c * s1 - s2;
            s2 = s1;
            s1 = s0;
        }

        return s1 * s1 + s2 * s2 - c * s1 * s2;
    }
}
