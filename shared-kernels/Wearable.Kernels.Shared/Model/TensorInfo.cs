namespace Wearable.Kernels.Model
{
    /// <summary>An int8 activation tensor of the CNN graph: [Length][Channels] (NWC), scale and zero point.</summary>
    public sealed class TensorInfo
    {
        public int Length;
        public int Channels;
        public int ZeroPoint;

        /// <summary>IEEE-754 binary32 bits of the real scale: informative for tools (the device never uses floats).</summary>
        public int ScaleBits;

        public int ByteCount
        {
            get { return Length * Channels; }
        }
    }
}
