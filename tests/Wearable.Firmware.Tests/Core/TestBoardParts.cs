using Wearable.Firmware.Board;

namespace Wearable.Firmware.Tests.Core;

/// <summary>A pairing button held down for the whole test.</summary>
internal sealed class AlwaysOpenButton : IPairingButton
{
    public bool IsPairingWindowOpen => true;

    public void Consume()
    {
    }
}

/// <summary>A status indicator nobody looks at.</summary>
internal sealed class SilentStatus : IStatusIndicator
{
    public void Show(int status)
    {
    }
}
