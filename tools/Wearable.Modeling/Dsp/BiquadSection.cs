namespace Wearable.Modeling.Dsp;

/// <summary>
/// One second-order section in double: H(z) = (B0 + B1 z^-1 + B2 z^-2) / (1 + A1 z^-1 + A2 z^-2).
/// A first-order section has B2 = A2 = 0.
/// </summary>
public readonly record struct BiquadSection(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>|H(e^{jw})| at frequency f for sample rate fs.</summary>
    public double Magnitude(double f, double fs)
    {
        double w = 2 * Math.PI * f / fs;
        System.Numerics.Complex z1 = System.Numerics.Complex.FromPolarCoordinates(1, -w);
        System.Numerics.Complex z2 = z1 * z1;
        return ((B0 + B1 * z1 + B2 * z2) / (1 + A1 * z1 + A2 * z2)).Magnitude;
    }
}
