using Wearable.Modeling.Datasets;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Quantization;

/// <summary>
/// How the device's raw counts become the CNN's int8 input: one int8 step is <see cref="UnitsPerStep"/>
/// of the units the float model was trained on, and <see cref="CountsToInt8"/> is the front end's
/// requantization from counts to those steps. For models trained on raw counts in int8 range (the Myo
/// armband) both are the identity.
/// </summary>
public sealed record InputScaling(double UnitsPerStep, QuantizedMultiplier CountsToInt8)
{
    public static InputScaling For(Network network, WindowSet? calibration, QuantizationOptions options)
    {
        if (options.InputUnitsPerCount is not { } unitsPerCount)
        {
            return new InputScaling(1.0, QuantizedMultiplier.FromReal(1.0));
        }

        if (calibration is null || calibration.Count == 0)
        {
            throw new ArgumentException("A model trained on physical units needs calibration windows to size its int8 input.", nameof(calibration));
        }

        double peak = 0;
        int values = calibration.Count * calibration.WindowSize;
        for (int i = 0; i < values; i++)
        {
            peak = Math.Max(peak, Math.Abs(calibration.Data[i]));
        }

        // The peak fills the int8 range; the realised multiplier (Q31 rounding) defines the step exactly.
        double wanted = unitsPerCount * 127.0 / Math.Max(peak, unitsPerCount);
        QuantizedMultiplier requant = QuantizedMultiplier.FromReal(wanted);
        return new InputScaling(unitsPerCount / requant.ToReal(), requant);
    }
}
