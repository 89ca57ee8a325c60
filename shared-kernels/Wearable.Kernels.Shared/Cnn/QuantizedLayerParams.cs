namespace Wearable.Kernels.Cnn
{
    /// <summary>
    /// The zero-point offsets and activation clamp every requantizing int8 layer has (conv, depthwise,
    /// pointwise, dense): one place, so whatever fills them from a quantization record does it once.
    /// </summary>
    public abstract class QuantizedLayerParams
    {
        /// <summary>-z_in, in [-127, 128].</summary>
        public int InputOffset;

        /// <summary>z_out, in [-128, 127].</summary>
        public int OutputOffset;

        /// <summary>Clamp bounds after the output offset: [-128, 127] none, [z_out, 127] ReLU, [z_out, q(6)] ReLU6.</summary>
        public int ActivationMin = -128;

        public int ActivationMax = 127;
    }
}
