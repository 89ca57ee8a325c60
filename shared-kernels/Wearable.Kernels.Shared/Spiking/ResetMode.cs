namespace Wearable.Kernels.Spiking
{
    /// <summary>What a neuron does on the step after it spiked (snnTorch reset_mechanism).</summary>
    public enum ResetMode
    {
        /// <summary>Subtract the threshold from the membrane (snnTorch "subtract", the default).</summary>
        Subtract = 0,

        /// <summary>Drop the decayed membrane to zero and subtract nothing (snnTorch "zero").</summary>
        Zero = 1,
    }
}
