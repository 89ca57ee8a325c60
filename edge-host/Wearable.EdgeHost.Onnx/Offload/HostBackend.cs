namespace Wearable.EdgeHost.Onnx.Offload;

/// <summary>What runs a model on the host.</summary>
public enum HostBackend
{
    /// <summary>ONNX Runtime on the exported graph (within 1 LSB per op of the device's integers).</summary>
    OnnxRuntime,

    /// <summary>Our own kernels' SIMD fast path, bit-exact with the device.</summary>
    HostFast,
}
