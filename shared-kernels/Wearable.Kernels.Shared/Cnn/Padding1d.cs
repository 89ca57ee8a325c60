namespace Wearable.Kernels.Cnn
{
    /// <summary>
    /// How a 1-D window is placed over the time axis. Padding taps are skipped (they contribute
    /// nothing), never multiplied by a stored zero: with an asymmetric input zero point a stored zero
    /// would add (0 - z_in) * w.
    /// </summary>
    public enum Padding1d
    {
        /// <summary>Only windows that lie fully inside the input: out = (L - span) / stride + 1.</summary>
        Valid = 0,

        /// <summary>TensorFlow "SAME": out = ceil(L / stride), total padding split with the smaller half on the left.</summary>
        Same = 1,

        /// <summary>All padding on the left ((k - 1) * dilation taps): out[t] sees inputs up to t * stride only.</summary>
        Causal = 2,
    }
}
