using Wearable.Kernels.Model;

namespace Wearable.EdgeHost.Onnx.Tests;

/// <summary>
/// Runs a model's ops with the portable layers but gives every tensor its own place in one arena, so
/// every intermediate tensor can be read after the run (the runner's planner reuses memory).
/// </summary>
public sealed class OpByOpRunner
{
    private readonly ModelDefinition _model;
    private readonly int[] _offsets;
    private readonly sbyte[] _arena;
    private readonly int[] _scratch;

    public OpByOpRunner(ModelDefinition model)
    {
        _model = model;
        _offsets = new int[model.Tensors.Length];
        int total = 0;
        for (int i = 0; i < model.Tensors.Length; i++)
        {
            _offsets[i] = total;
            total += model.Tensors[i].ByteCount;
        }

        _arena = new sbyte[total];
        _scratch = new int[model.Layers.Max(l => l.ScratchInts) + 1];
    }

    public void Run(sbyte[] window)
    {
        Array.Copy(window, 0, _arena, _offsets[_model.GraphInput], window.Length);
        foreach (CnnLayer layer in _model.Layers)
        {
            layer.Run(_arena, _offsets[layer.Input], layer.Input2 >= 0 ? _offsets[layer.Input2] : 0, _offsets[layer.Output], _scratch);
        }
    }

    /// <summary>A tensor's values after <see cref="Run"/>, [time][channel].</summary>
    public sbyte[] Tensor(int index) => _arena.AsSpan(_offsets[index], _model.Tensors[index].ByteCount).ToArray();
}
