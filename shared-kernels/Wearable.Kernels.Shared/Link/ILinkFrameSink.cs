namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Receives the frames <see cref="LinkDecoder.Push"/> completes. The frame and its buffer belong to the
    /// decoder and are overwritten by the next byte pushed: read or copy what you need inside the call.
    /// </summary>
    public interface ILinkFrameSink
    {
        /// <summary>One validated frame (CRC, version and length already checked).</summary>
        void OnFrame(LinkFrame frame);
    }
}
