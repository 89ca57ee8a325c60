namespace Wearable.Kernels.Cnn
{
    /// <summary>
    /// Output length and left padding of a 1-D window (conv or pool) over the time axis, shared by
    /// every op so that shapes computed by the model reader and by the kernels always agree.
    /// </summary>
    public static class ConvGeometry
    {
        /// <summary>Receptive field in input frames: (k - 1) * dilation + 1.</summary>
        public static int Span(int kernelSize, int dilation)
        {
            return (kernelSize - 1) * dilation + 1;
        }

        /// <summary>Number of output frames; 0 when a valid window does not fit.</summary>
        public static int OutputLength(int inputLength, int kernelSize, int stride, int dilation, Padding1d padding)
        {
            int span = Span(kernelSize, dilation);
            if (padding == Padding1d.Valid)
            {
                return inputLength < span ? 0 : (inputLength - span) / stride + 1; // safe division: the dividend is >= 0 here
            }

            return inputLength <= 0 ? 0 : (inputLength - 1) / stride + 1; // safe division: the dividend is >= 0 here
        }

        /// <summary>Frames of (skipped) padding before input frame 0.</summary>
        public static int PadLeft(int inputLength, int kernelSize, int stride, int dilation, Padding1d padding)
        {
            int span = Span(kernelSize, dilation);
            if (padding == Padding1d.Causal)
            {
                return span - 1;
            }

            if (padding == Padding1d.Same)
            {
                int outputLength = OutputLength(inputLength, kernelSize, stride, dilation, padding);
                int total = (outputLength - 1) * stride + span - inputLength;
                return total > 0 ? total / 2 : 0;
            }

            return 0;
        }
    }
}
