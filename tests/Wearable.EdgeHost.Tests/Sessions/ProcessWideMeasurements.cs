namespace Wearable.EdgeHost.Tests.Sessions;

/// <summary>
/// Tests that read process-wide counters (GC heap size, total allocated bytes) join this collection,
/// which xUnit runs after the parallel ones with nothing beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeasurements
{
    public const string Name = "Process-wide measurements";
}
