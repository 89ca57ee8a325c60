using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Board;

/// <summary>Prints status changes to stderr (stdout carries the machine-readable lines).</summary>
public sealed class ConsoleStatusIndicator(bool quiet) : IStatusIndicator
{
    private int _last = -1;

    public int Current => _last;

    public void Show(int status)
    {
        if (status == _last)
        {
            return;
        }

        _last = status;
        if (!quiet)
        {
            Console.Error.WriteLine("status: " + DeviceStatus.Name(status));
        }
    }
}
