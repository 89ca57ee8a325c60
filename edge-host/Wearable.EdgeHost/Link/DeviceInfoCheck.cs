using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Link;

/// <summary>
/// What a device says about itself must make sense before anyone streams from it: a DeviceInfo with
/// no channels, a rate of 0 or beyond any ADC, or a non-positive scale would turn into empty rows,
/// divisions by zero or nonsense microvolts further on.
/// </summary>
public static class DeviceInfoCheck
{
    /// <summary>Highest sample rate a DeviceInfo may state (the virtual device's ADC limit; real sensors are far below).</summary>
    public const int MaxSampleRateHz = 64000;

    /// <summary>Returns null when <paramref name="info"/> is plausible, else one line saying which field is wrong.</summary>
    public static string? Problem(DeviceInfoMessage info)
    {
        if (info.ChannelCount < 1)
        {
            return "the device reports 0 channels";
        }

        if (info.SampleRateHz < 1 || info.SampleRateHz > MaxSampleRateHz)
        {
            return "the device reports a sample rate of " + info.SampleRateHz + " Hz (expected 1.." + MaxSampleRateHz + ")";
        }

        if (info.NanovoltsPerLsb < 0)
        {
            return "the device reports a negative scale (" + info.NanovoltsPerLsb + " nV per count)";
        }

        return null;
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the field when <paramref name="info"/> is not plausible.</summary>
    public static void Validate(DeviceInfoMessage info)
    {
        if (Problem(info) is { } problem)
        {
            throw new InvalidDataException(problem + ": its firmware or the link is broken; reflash or reconnect it.");
        }
    }
}
