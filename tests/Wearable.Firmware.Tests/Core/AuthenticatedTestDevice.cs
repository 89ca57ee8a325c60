using Wearable.Firmware.Profiles;
using Wearable.VirtualDevice.Board;

namespace Wearable.Firmware.Tests.Core;

/// <summary>A firmware core on a fast virtual clock with a synthetic ADC, paired and authenticated through a scripted host.</summary>
internal static class AuthenticatedTestDevice
{
    public static (FirmwareDevice Device, ScriptedHost Host, VirtualClock Clock) Create(int channels = 16, int sampleRate = 2000)
    {
        var harness = new CoreHarness(channels, sampleRate, BoardProfile.Esp32()).Authenticate();
        return (harness.Device, harness.Host, harness.Clock);
    }
}
