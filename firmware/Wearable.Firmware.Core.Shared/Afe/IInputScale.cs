namespace Wearable.Firmware.Afe
{
    /// <summary>A sample source that knows the input-referred size of one of its int16 steps (the board reports it in DeviceInfo).</summary>
    public interface IInputScale
    {
        int NanovoltsPerLsb { get; }
    }
}
