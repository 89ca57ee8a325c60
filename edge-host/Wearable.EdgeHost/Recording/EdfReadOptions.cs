namespace Wearable.EdgeHost.Recording;

/// <summary>How strict <see cref="EdfReader"/> is about files shorter than their header claims.</summary>
public sealed record EdfReadOptions
{
    /// <summary>
    /// False (default): a file with fewer complete records than its header states is rejected, with a hint to
    /// repair it. True: read the complete records that are there (for salvaging a recording before repair).
    /// </summary>
    public bool AllowTruncated { get; init; }
}
