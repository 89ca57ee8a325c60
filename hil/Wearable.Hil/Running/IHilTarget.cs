namespace Wearable.Hil.Running;

/// <summary>
/// Something that runs a named kernel on input bytes and returns output bytes and its own elapsed time:
/// a device over the link, or the desktop kernels in-process.
/// </summary>
public interface IHilTarget : IDisposable
{
    /// <summary>Name for reports, e.g. the board and firmware version from DeviceInfo.</summary>
    string Description { get; }

    /// <summary>
    /// The board the target says it is (its DeviceInfo), or null for targets that have no DeviceInfo
    /// (in-process kernels, nanoCLR, QEMU): a rig's "board" is checked against it.
    /// </summary>
    string? BoardName => null;

    /// <summary>Runs one vector. Never throws for a kernel-level failure: that is a <see cref="HilOutcome"/> with a status.</summary>
    HilOutcome Run(string kernel, byte[] input, TimeSpan timeout);
}
