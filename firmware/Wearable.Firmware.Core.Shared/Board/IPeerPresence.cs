namespace Wearable.Firmware.Board
{
    /// <summary>
    /// A transport that can tell when its peer comes and goes: a TCP accept or close, a pty opened or
    /// hung up, a BLE connect or disconnect, USB CDC's DTR. Authentication belongs to one connection,
    /// so the core ends the session whenever this changes. A bare UART cannot tell; there only a new
    /// Hello ends a session (docs/protocol.md, "Security and conformance").
    /// </summary>
    public interface IPeerPresence
    {
        /// <summary>
        /// A number that changes every time a peer connects or goes away. It must change before the
        /// first byte from a new peer can be read, because the core reads it after each
        /// <see cref="IByteTransport.Read"/> to decide which session those bytes belong to.
        /// </summary>
        int PeerChanges { get; }
    }
}
