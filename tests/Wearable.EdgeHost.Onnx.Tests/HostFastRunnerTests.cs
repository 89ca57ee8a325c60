using Wearable.EdgeHost.Onnx.FastPath;
using Wearable.Kernels.Model;
using Wearable.TestSupport;

namespace Wearable.EdgeHost.Onnx.Tests;

/// <summary>
/// The host fast path must compute exactly the portable runner's integers: every tensor of every
/// shipped model, every op on seeded random shapes, on every instruction-set path this machine has.
/// </summary>
public sealed class HostFastRunnerTests
{
    public static IEnumerable<object[]> ModelsAndPaths() =>
        from model in ShippedModels.Names()
        from path in HostKernelPaths.Available
        select new object[] { model[0], path };

    public static IEnumerable<object[]> Paths() => HostKernelPaths.Available.Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(ModelsAndPaths))]
    public void EveryTensorOfEveryShippedModelIsBitExact(string file, HostKernelPath path)
    {
        ModelDefinition model = ShippedModels.Read(file);
        var reference = new OpByOpRunner(model);
        var fast = new HostFastRunner(model, path);
        foreach (sbyte[] window in ShippedModels.RandomWindows(model, 50, seed: 7))
        {
            reference.Run(window);
            fast.SetInput(window, 0);
            fast.Invoke();
            for (int i = 0; i < model.Layers.Length; i++)
            {
                int tensor = model.Layers[i].Output;
                Assert.True(reference.Tensor(tensor).AsSpan().SequenceEqual(fast.Tensor(tensor)), $"{file} on {path}: op {i} ({CnnOpCode.Name(model.Layers[i].Op)}) differs from the portable runner");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void RandomShapesOfEveryOpAreBitExact(HostKernelPath path)
    {
        var random = new Random(20261205);
        for (int trial = 0; trial < 400; trial++)
        {
            ModelDefinition model = RandomOpModels.Create(random);
            var portable = new ModelRunner(model);
            var fast = new HostFastRunner(model, path);
            var expected = new sbyte[portable.OutputBytes];
            var actual = new sbyte[fast.OutputBytes];
            foreach (sbyte[] window in ShippedModels.RandomWindows(model, 4, seed: trial))
            {
                portable.SetInput(window, 0);
                portable.Invoke();
                portable.GetOutput(expected, 0);
                fast.SetInput(window, 0);
                fast.Invoke();
                fast.GetOutput(actual, 0);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"trial {trial} on {path}: {RandomOpModels.Describe(model)} differs from the portable runner");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void InvokeAllocatesNothing(HostKernelPath path)
    {
        var fast = new HostFastRunner(ShippedModels.Read(Path.Combine("models", "gesture-default.wmdl")), path);
        fast.SetInput(new sbyte[fast.InputBytes], 0);
        AllocationAssert.ZeroBytes(fast.Invoke, what: "HostFastRunner.Invoke on " + path);
    }

    [Fact]
    public void DecisionsEqualThePortableRunners()
    {
        ModelDefinition model = ShippedModels.Read(Path.Combine("models", "gesture-cnn-small.wmdl"));
        var portable = new ModelRunner(model);
        var fast = new HostFastRunner(model);
        foreach (sbyte[] window in ShippedModels.RandomWindows(model, 100, seed: 3))
        {
            portable.SetInput(window, 0);
            portable.Invoke();
            fast.SetInput(window, 0);
            fast.Invoke();
            Assert.Equal(portable.Decide(), fast.Decide());
        }
    }
}
