namespace Wearable.Modeling.Reference;

/// <summary>
/// The gesture_decision rules (docs/model-format.md, section 10) written out plainly with 64-bit
/// arithmetic and a time-ordered history, to check the kernel bit for bit: envelope y += (sum|x| x 256 - y)
/// >> shift with on/off hysteresis; low score or resting muscles -> rest; majority vote (ties to the
/// newest), every hop rest for refractory hops after a return to rest; the output starts at rest (when there is a rest class) and changes after the voted class won
/// enter (leave, for rest) hops in a row.
/// </summary>
public sealed class GestureDecisionReference(int restClass, int minConfidence, int voteLength, int enterHops, int leaveHops, int envelopeShift, int onLevel, int offLevel, int refractoryHops = 0)
{
    private int _restHopsLeft; // hops of the refractory period still to run after a return to rest
    private readonly List<int> _history = [];
    private long _envelope;
    private bool _active;
    private int _output = restClass != 255 ? restClass : -1; // with a rest class, the output starts there and a gesture must win enter hops
    private int _pending = -1;
    private int _streak;

    private bool Gate => onLevel > 0 && restClass != 255;

    public void PushFrame(IReadOnlyList<short> frame)
    {
        if (!Gate)
        {
            return;
        }

        long sum = frame.Sum(x => Math.Abs((long)x));
        _envelope += (long)Math.Floor(((sum * 256) - _envelope) / Math.Pow(2, envelopeShift));
        long level = (long)Math.Floor(_envelope / 256.0);
        _active = _active ? level >= offLevel : level >= onLevel;
    }

    public int Decide(int modelClass, int score)
    {
        int candidate = modelClass;
        if (restClass != 255)
        {
            bool reject = score < minConfidence || (Gate && !_active);
            candidate = modelClass != restClass && reject ? restClass : modelClass;
        }
        else if (score < minConfidence && _output >= 0)
        {
            candidate = _output;
        }

        if (_restHopsLeft > 0)
        {
            _restHopsLeft--;
            candidate = restClass;
        }

        _history.Add(candidate);
        var window = _history.Skip(Math.Max(0, _history.Count - voteLength)).Reverse().ToList(); // newest first
        int voted = window.OrderByDescending(c => window.Count(x => x == c)).First(); // stable: the newest among the most frequent
        if (_output < 0)
        {
            _output = voted;
            return _output;
        }

        if (voted == _output)
        {
            _pending = -1;
            _streak = 0;
            return _output;
        }

        _streak = voted == _pending ? _streak + 1 : 1;
        _pending = voted;
        if (_streak >= (restClass != 255 && voted == restClass ? leaveHops : enterHops))
        {
            _restHopsLeft = restClass != 255 && voted == restClass && !(Gate && _active) ? refractoryHops : 0;
            _output = voted;
            _pending = -1;
            _streak = 0;
        }

        return _output;
    }
}
