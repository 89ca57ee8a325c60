namespace Wearable.Modeling.Training;

/// <summary>A trainable tensor with its gradient accumulator and Adam moments.</summary>
public sealed class Parameter
{
    public Parameter(string name, int size)
    {
        Name = name;
        Values = new float[size];
        Gradients = new float[size];
        FirstMoment = new float[size];
        SecondMoment = new float[size];
    }

    public string Name { get; }

    public float[] Values { get; }

    public float[] Gradients { get; }

    internal float[] FirstMoment { get; }

    internal float[] SecondMoment { get; }

    /// <summary>Whether weight decay applies (weights yes, biases no).</summary>
    public bool Decays { get; init; } = true;
}
