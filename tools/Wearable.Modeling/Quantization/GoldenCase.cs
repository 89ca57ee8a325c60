namespace Wearable.Modeling.Quantization;

/// <summary>
/// One golden vector of an int8 CNN op: every input the kernel takes plus the expected bytes. One
/// shape serves all ops; fields an op does not use stay at their defaults and are omitted from JSON.
/// </summary>
public sealed class GoldenCase
{
    public string Op { get; set; } = "";
    public int InputLength { get; set; }
    public int InputChannels { get; set; }
    public int OutputChannels { get; set; }
    public int KernelSize { get; set; } = 1;
    public int Stride { get; set; } = 1;
    public int Dilation { get; set; } = 1;
    public int ChannelMultiplier { get; set; } = 1;
    public string? Padding { get; set; }
    public int InputZeroPoint { get; set; }
    public int Input2ZeroPoint { get; set; }
    public int OutputZeroPoint { get; set; }
    public int ActivationMin { get; set; } = -128;
    public int ActivationMax { get; set; } = 127;
    public int LeftShift { get; set; }
    public sbyte[]? Input { get; set; }
    public sbyte[]? Input2 { get; set; }
    public sbyte[]? Weights { get; set; }
    public int[]? Bias { get; set; }
    public int[]? Multipliers { get; set; }
    public int[]? Shifts { get; set; }
    public int[]? ExpTable { get; set; }

    /// <summary>requantize cases: raw accumulators in, int32 results out.</summary>
    public int[]? Accumulators { get; set; }
    public int[]? ExpectedInts { get; set; }
    public sbyte[]? Expected { get; set; }
    public int ExpectedIndex { get; set; }
}

/// <summary>A committed golden file: the op, the seed it was generated with, and its cases.</summary>
public sealed class GoldenFile
{
    public string Op { get; set; } = "";
    public int Seed { get; set; }
    public string Generator { get; set; } = "Wearable.Modeling.Quantization.CnnGoldenVectors";
    public List<GoldenCase> Cases { get; set; } = new();
}
