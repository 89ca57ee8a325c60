namespace Wearable.Modeling.Training;

/// <summary>
/// Several models over the same window whose class probabilities are averaged (logits = log of the
/// mean softmax). Members train side by side on the same batches, each on its own loss; early
/// stopping judges the ensemble. Spec: member specs joined by " + ", e.g. <c>conv:24:5,relu + cuba:128</c>.
/// </summary>
public sealed class EnsembleModel : IClassifierModel
{
    public const string Separator = "+";

    private readonly IClassifierModel[] _members;
    private readonly float[] _logits;
    private readonly double[] _probabilities;

    public EnsembleModel(IClassifierModel[] members)
    {
        if (members.Length < 2)
        {
            throw new ArgumentException("An ensemble needs at least two members.", nameof(members));
        }

        var first = members[0];
        if (members.Any(m => m.InputLength != first.InputLength || m.InputChannels != first.InputChannels || m.Classes != first.Classes))
        {
            throw new ArgumentException("Ensemble members must share window shape and classes.", nameof(members));
        }

        _members = members;
        _logits = new float[first.Classes];
        _probabilities = new double[first.Classes];
    }

    public IReadOnlyList<IClassifierModel> Members => _members;

    public string Spec => string.Join(" " + Separator + " ", _members.Select(m => m.Spec));

    public int InputLength => _members[0].InputLength;

    public int InputChannels => _members[0].InputChannels;

    public int Classes => _members[0].Classes;

    public float InputScale => _members[0].InputScale;

    public IEnumerable<Parameter> Parameters => _members.SelectMany(m => m.Parameters);

    public void Initialize(ulong seed)
    {
        for (int i = 0; i < _members.Length; i++)
        {
            _members[i].Initialize(seed + (ulong)i);
        }
    }

    public void SetTraining(Simulation.Pcg32? random)
    {
        foreach (var m in _members)
        {
            m.SetTraining(random);
        }
    }

    public float[] Forward(float[] windows, int offset)
    {
        Array.Clear(_probabilities);
        foreach (var member in _members)
        {
            float[] logits = member.Forward(windows, offset);
            float max = logits.Max();
            double sum = 0;
            for (int k = 0; k < Classes; k++)
            {
                sum += Math.Exp(logits[k] - max);
            }

            for (int k = 0; k < Classes; k++)
            {
                _probabilities[k] += Math.Exp(logits[k] - max) / sum / _members.Length;
            }
        }

        for (int k = 0; k < Classes; k++)
        {
            _logits[k] = (float)Math.Log(Math.Max(_probabilities[k], 1e-30));
        }

        return _logits;
    }

    public int Predict(float[] windows, int offset) => Network.ArgMax(Forward(windows, offset));

    public float Learn(float[] windows, int offset, int label, out bool correct)
    {
        float loss = 0;
        foreach (var member in _members)
        {
            loss += member.Learn(windows, offset, label, out _);
        }

        correct = Predict(windows, offset) == label;
        return loss / _members.Length;
    }

    public float[][] Snapshot() => _members.SelectMany(m => m.Snapshot()).ToArray();

    public void Restore(float[][] snapshot)
    {
        int at = 0;
        foreach (var member in _members)
        {
            int count = member.Parameters.Count();
            member.Restore(snapshot.Skip(at).Take(count).ToArray());
            at += count;
        }
    }
}
