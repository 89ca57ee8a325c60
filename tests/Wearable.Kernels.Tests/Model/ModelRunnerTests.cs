using Wearable.Kernels.Model;
using Wearable.Modeling.ModelFiles;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests.Model;

public class ModelRunnerTests
{
    private static sbyte[] RandomInput(Random r, int n) => ModelFixtures.Bytes(r, n);

    [Fact]
    public void Runner_output_equals_the_reference_graph_for_every_op()
    {
        var runner = ModelRunner.Load(ModelFixtures.AllOps().Build());
        var random = new Random(3);
        var output = new sbyte[runner.OutputBytes];
        var distinct = new HashSet<int>();
        for (int trial = 0; trial < 50; trial++)
        {
            sbyte[] input = RandomInput(random, runner.InputBytes);
            runner.SetInput(input, 0);
            runner.Invoke();
            runner.GetOutput(output, 0);
            Assert.Equal(ReferenceGraph.Run(runner.Model, input), output);
            distinct.Add(runner.Decide());
        }

        Assert.True(distinct.Count > 1, "the fixture should not always decide the same class");
    }

    [Fact]
    public void Example_model_matches_reference_and_runs_with_zero_allocation()
    {
        var runner = ModelRunner.Load(ExampleModels.RandomEmgCnn());
        Assert.Equal(3, runner.Model.Layers.Length - 1); // two conv + dense, then softmax
        var input = RandomInput(new Random(5), runner.InputBytes);
        runner.SetInput(input, 0);
        runner.Invoke();
        var output = new sbyte[runner.OutputBytes];
        runner.GetOutput(output, 0);
        Assert.Equal(ReferenceGraph.Run(runner.Model, input), output);

        AllocationAssert.ZeroBytes(() => runner.Invoke(), 200, what: "ModelRunner.Invoke (two conv + dense + softmax)");
        AllocationAssert.ZeroBytes(() => { runner.SetInput(input, 0); runner.Invoke(); runner.GetOutput(output, 0); runner.Decide(); }, 200, what: "one full inference");
    }

    [Fact]
    public void Arena_reuses_memory_of_dead_tensors_and_reports_its_numbers()
    {
        var runner = ModelRunner.Load(ExampleModels.RandomEmgCnn());
        int sum = runner.Model.Tensors.Sum(t => t.ByteCount);
        Assert.True(runner.ArenaBytes < sum, $"arena {runner.ArenaBytes} should be smaller than all tensors together ({sum})");

        // Largest live pair: conv1 input [32x8] + output [32x16] = 768 bytes; the plan must achieve it.
        Assert.Equal(32 * 8 + 32 * 16, runner.ArenaBytes);
        Assert.Equal(16 * 16 * 4, runner.ScratchBytes); // the dense input is the largest scratch
        Assert.True(runner.MacsPerInference > 30000);
        Assert.True(runner.ParameterBytes > 4000);
    }

    [Fact]
    public void Planner_never_overlaps_tensors_that_are_alive_together()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 300; trial++)
        {
            int n = random.Next(1, 30);
            var sizes = Enumerable.Range(0, n).Select(_ => random.Next(0, 500)).ToArray();
            var first = Enumerable.Range(0, n).Select(_ => random.Next(-1, 20)).ToArray();
            var last = first.Select(f => f + random.Next(0, 6)).ToArray();
            var offsets = new int[n];
            int arena = GreedyMemoryPlanner.Plan(sizes, first, last, offsets);
            for (int i = 0; i < n; i++)
            {
                if (sizes[i] == 0)
                {
                    continue;
                }

                Assert.Equal(0, offsets[i] % GreedyMemoryPlanner.Alignment);
                Assert.True(offsets[i] + sizes[i] <= arena);
                for (int j = i + 1; j < n; j++)
                {
                    bool alive = first[i] <= last[j] && first[j] <= last[i];
                    bool overlap = offsets[i] < offsets[j] + sizes[j] && offsets[j] < offsets[i] + sizes[i];
                    Assert.False(alive && overlap && sizes[j] > 0, $"tensors {i} and {j} overlap while both alive");
                }
            }

            Assert.True(arena <= sizes.Sum(s => (s + 3) / 4 * 4));
        }
    }
}

public class ExampleModelFileTests
{
    [Fact]
    public void Committed_example_model_is_what_the_seeded_builder_produces()
    {
        string path = RepositoryPaths.InRepo("models", "examples", ExampleModels.RandomEmgCnnFileName);
        Assert.True(ExampleModels.RandomEmgCnn().AsSpan().SequenceEqual(File.ReadAllBytes(path)),
            "models/examples is stale: run `dotnet run --project tools/Wearable.Cli -- model example`.");
        var model = ModelReader.Read(File.ReadAllBytes(path));
        Assert.Equal(ExampleModels.GestureLabels, model.Labels);
        Assert.Contains("untrained", model.Name);
    }
}
