using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Sessions;

/// <summary>Which of the device's streams a session asks for (the host's name; the wire's numbering stays inside the session).</summary>
public enum StreamKind
{
    /// <summary>ADC counts before any filter.</summary>
    Raw,

    /// <summary>The device front end's output (high-pass, notch).</summary>
    Filtered,

    /// <summary>Feature vectors (e.g. RMS envelopes per window).</summary>
    Features,

    /// <summary>Spike trains: one value per neuron per step.</summary>
    Spikes,
}

/// <summary>Maps the host's stream names onto the link's stream kinds.</summary>
internal static class StreamKindWire
{
    public static LinkStreamKind ToWire(this StreamKind kind) => kind switch
    {
        StreamKind.Raw => LinkStreamKind.Raw,
        StreamKind.Filtered => LinkStreamKind.Filtered,
        StreamKind.Features => LinkStreamKind.Features,
        StreamKind.Spikes => LinkStreamKind.Spikes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a stream a device sends"),
    };

    /// <summary>The host name of a block's wire kind; false for a kind that carries no sample block.</summary>
    public static bool TryFromWire(LinkStreamKind wire, out StreamKind kind)
    {
        kind = wire switch
        {
            LinkStreamKind.Filtered => StreamKind.Filtered,
            LinkStreamKind.Features => StreamKind.Features,
            LinkStreamKind.Spikes => StreamKind.Spikes,
            _ => StreamKind.Raw,
        };
        return wire is LinkStreamKind.Raw or LinkStreamKind.Filtered or LinkStreamKind.Features or LinkStreamKind.Spikes;
    }
}
