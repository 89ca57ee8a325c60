namespace Wearable.Firmware.Board
{
    /// <summary>An LED (or a console line on the virtual board) that shows what the device is doing.</summary>
    public interface IStatusIndicator
    {
        /// <summary>Shows one of the <see cref="DeviceStatus"/> values.</summary>
        void Show(int status);
    }
}
