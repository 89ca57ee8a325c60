namespace Wearable.EdgeHost.Onnx.FastPath;

/// <summary>
/// One op of <see cref="HostFastRunner"/>, bound at construction to its tensors' places in the
/// runner's uint8 arena (activations held as int8 value + 128). Run allocates nothing.
/// </summary>
public abstract class FastOp
{
    public abstract void Run(byte[] arena);
}
