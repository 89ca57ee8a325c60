namespace Wearable.EdgeHost.Connections;

/// <summary>
/// Starts a device for a <c>sim://</c> connection and hands back the host end of its link. The host
/// library never references the firmware; the CLI (which may) supplies the in-process virtual device.
/// </summary>
public interface IDeviceLauncher
{
    /// <summary>Starts a device described by <paramref name="connection"/>; disposing the result stops it.</summary>
    LaunchedDevice Launch(ConnectionString connection);
}

/// <summary>A running launched device: the host's byte stream to it and what stops it.</summary>
public sealed class LaunchedDevice : IDisposable
{
    private readonly IDisposable _owner;

    public LaunchedDevice(Stream link, IDisposable owner, string description)
    {
        Link = link ?? throw new ArgumentNullException(nameof(link));
        _owner = owner ?? throw new ArgumentNullException(nameof(owner));
        Description = description;
    }

    /// <summary>The host end of the device link.</summary>
    public Stream Link { get; }

    /// <summary>What runs (for status lines), e.g. "virtual device (pty /dev/pts/4)".</summary>
    public string Description { get; }

    /// <summary>The launcher's own object (e.g. the virtual board) for tools that need more than the link.</summary>
    public object? Handle { get; init; }

    public void Dispose()
    {
        // The device side first: the host end's reader then sees end-of-stream instead of blocking.
        _owner.Dispose();
        Link.Dispose();
    }
}
