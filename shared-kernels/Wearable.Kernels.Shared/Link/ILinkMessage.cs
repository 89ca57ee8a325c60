namespace Wearable.Kernels.Link
{
    /// <summary>
    /// A payload codec. Instances are reusable holders: make one per message type at start-up and read into
    /// it for every frame, so nothing is allocated per frame. Variable-length content (samples, chunk bytes,
    /// text) lives in arrays sized for the largest payload when the holder is constructed.
    /// </summary>
    public interface ILinkMessage
    {
        /// <summary>The header's message type for this payload.</summary>
        LinkMessageType MessageType { get; }

        /// <summary>The number of bytes <see cref="Write"/> produces for the current field values.</summary>
        int PayloadLength { get; }

        /// <summary>
        /// Writes the payload at <paramref name="offset"/> and returns its length. Throws ArgumentException when
        /// a field is out of range or the buffer is too small (a programming error on the sending side).
        /// </summary>
        int Write(byte[] buffer, int offset);

        /// <summary>
        /// Parses a received payload into this holder. Returns false, leaving fields unspecified, when the
        /// length or a field is invalid (bad input from the wire is not an exception).
        /// </summary>
        bool TryRead(byte[] buffer, int offset, int length);
    }
}
