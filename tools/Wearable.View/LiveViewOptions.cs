using System.Net;

namespace Wearable.View;

/// <summary>Where the live view listens and how often it sends a frame.</summary>
public sealed record LiveViewOptions
{
    /// <summary>The port 'wearable view' uses unless told otherwise.</summary>
    public const int DefaultPort = 5180;

    /// <summary>Loopback unless the user binds elsewhere on purpose: the page has no login.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Time between frames: 20 a second keeps the scroll smooth and the JSON small.</summary>
    public TimeSpan FrameInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>True when the address is reachable only from this machine.</summary>
    public bool LocalOnly => IPAddress.IsLoopback(Address);
}
