namespace Wearable.Kernels.Cnn
{
    /// <summary>Window, stride, padding and clamp of a 1-D pooling op (input and output share scale and zero point).</summary>
    public sealed class Pool1dParams
    {
        public int PoolSize = 2;
        public int Stride = 2;
        public Padding1d Padding = Padding1d.Valid;
        public int Channels = 1;
        public int ActivationMin = -128;
        public int ActivationMax = 127;
    }
}
