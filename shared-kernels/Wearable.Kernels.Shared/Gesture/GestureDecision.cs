using System;

namespace Wearable.Kernels.Gesture
{
    /// <summary>
    /// Turns one model decision per hop (class and its int8 score) into the output a wearer sees, in
    /// integer arithmetic, allocation-free after construction. Per frame: the envelope, a one-pole
    /// smoothed sum of |sample| over channels (Q8), with an on / off level (hysteresis) marking muscle
    /// activity. Per hop, in this order: (1) a gesture scored below MinConfidence, or any gesture while
    /// the envelope says the muscles rest, becomes rest (without a rest class a low score keeps the
    /// last output), and so does every hop of the RefractoryHops after the output returned to rest;
    /// (2) majority vote over the last VoteLength hops, ties to the newest; (3) the output
    /// changes only after the vote named the same new class EnterHops hops in a row (LeaveHops when the
    /// new class is rest). Rest rejection, the vote and the refractory period cut false activations; the
    /// envelope gate and a short EnterHops keep the onset fast.
    /// </summary>
    public sealed class GestureDecision
    {
        private readonly GestureDecisionParameters _parameters;
        private readonly int _channels;
        private readonly int _classes;
        private readonly int[] _recent;
        private readonly int[] _counts;
        private int _recentNext;
        private int _recentCount;
        private int _envelopeQ8;
        private bool _active;
        private int _output;
        private int _pending;
        private int _streak;
        private int _refractory;

        /// <param name="channels">Channels per frame of <see cref="PushFrame"/>.</param>
        /// <param name="classes">Classes the model decides between (the rest class must be one of them).</param>
        public GestureDecision(GestureDecisionParameters parameters, int channels, int classes)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException("parameters");
            }

            if (classes < 1 || classes > GestureDecisionParameters.NoRestClass)
            {
                throw new ArgumentOutOfRangeException("classes", "A gesture model decides between 1..254 classes; got " + classes.ToString() + ".");
            }

            if (parameters.HasRestClass && parameters.RestClass >= classes)
            {
                throw new ArgumentOutOfRangeException("parameters", "The rest class " + parameters.RestClass.ToString() + " is not one of the model's " + classes.ToString() + " classes.");
            }

            if (channels < 1 || (parameters.GatesOnEnvelope && channels > GestureDecisionParameters.MaxEnvelopeChannels))
            {
                throw new ArgumentOutOfRangeException("channels", "The envelope gate sums 1..64 channels; the input has " + channels.ToString() + ".");
            }

            _parameters = parameters;
            _channels = channels;
            _classes = classes;
            _recent = new int[parameters.VoteLength];
            _counts = new int[classes];
            Reset();
        }

        public GestureDecisionParameters Parameters
        {
            get { return _parameters; }
        }

        /// <summary>The decided class: the rest class until a gesture has won its hops (-1 before the first hop when the model has no rest class).</summary>
        public int Output
        {
            get { return _output; }
        }

        /// <summary>The envelope in LSB (sum of |sample| over channels, smoothed).</summary>
        public int Envelope
        {
            get { return _envelopeQ8 >> 8; }
        }

        /// <summary>True while the envelope marks muscle activity (always true without an envelope gate).</summary>
        public bool Active
        {
            get { return _active || !_parameters.GatesOnEnvelope; }
        }

        public void Reset()
        {
            Array.Clear(_recent, 0, _recent.Length);
            Array.Clear(_counts, 0, _counts.Length);
            _recentNext = 0;
            _recentCount = 0;
            _envelopeQ8 = 0;
            _active = false;

            // A device that starts (or restarts) decides rest until a gesture wins EnterHops hops, as at any
            // other time: the first hop alone, often taken while the wearer settles, must not fire a gesture.
            _output = _parameters.HasRestClass ? _parameters.RestClass : -1;
            _pending = -1;
            _streak = 0;
            _refractory = 0;
        }

        /// <summary>One interleaved frame of <c>channels</c> samples starting at <paramref name="offset"/> (zero-centred, as the front end delivers them).</summary>
        public void PushFrame(short[] frame, int offset)
        {
            if (!_parameters.GatesOnEnvelope)
            {
                return;
            }

            int sum = 0;
            for (int c = 0; c < _channels; c++)
            {
                int x = frame[offset + c];
                sum += x < 0 ? -x : x;
            }

            // sum <= 64 x 32768 = 2^21, so sum << 8 and the difference below stay inside int32.
            _envelopeQ8 += ((sum << 8) - _envelopeQ8) >> _parameters.EnvelopeShift;
            int level = _envelopeQ8 >> 8;
            if (!_active && level >= _parameters.EnvelopeOnLevel)
            {
                _active = true;
            }
            else if (_active && level < _parameters.EnvelopeOffLevel)
            {
                _active = false;
            }
        }

        /// <summary>One hop: the model's class and its int8 score in, the decided class out.</summary>
        public int Decide(int modelClass, int score)
        {
            if (modelClass < 0 || modelClass >= _classes)
            {
                throw new ArgumentOutOfRangeException("modelClass", "The model decided class " + modelClass.ToString() + " of " + _classes.ToString() + ".");
            }

            int candidate = modelClass;
            GestureDecisionParameters p = _parameters;
            if (p.HasRestClass)
            {
                if (candidate != p.RestClass && (score < p.MinConfidence || (p.GatesOnEnvelope && !_active)))
                {
                    candidate = p.RestClass;
                }
            }
            else if (score < p.MinConfidence && _output >= 0)
            {
                candidate = _output;
            }

            if (_refractory > 0)
            {
                _refractory--;
                candidate = p.RestClass;
            }

            int voted = Vote(candidate);
            if (_output < 0)
            {
                _output = voted;
            }
            else if (voted == _output)
            {
                _pending = -1;
                _streak = 0;
            }
            else
            {
                if (voted == _pending)
                {
                    _streak++;
                }
                else
                {
                    _pending = voted;
                    _streak = 1;
                }

                int needed = p.HasRestClass && voted == p.RestClass ? p.LeaveHops : p.EnterHops;
                if (_streak >= needed)
                {
                    if (p.HasRestClass && voted == p.RestClass && !(p.GatesOnEnvelope && _active))
                    {
                        // With an envelope gate only a real release starts it: a gesture that drops out for a
                        // few hops while the muscles stay active must be able to come straight back.
                        _refractory = p.RefractoryHops;
                    }

                    _output = voted;
                    _pending = -1;
                    _streak = 0;
                }
            }

            return _output;
        }

        private int Vote(int candidate)
        {
            _recent[_recentNext] = candidate;
            _recentNext++;
            if (_recentNext == _recent.Length)
            {
                _recentNext = 0;
            }

            if (_recentCount < _recent.Length)
            {
                _recentCount++;
            }

            if (_recentCount == 1)
            {
                return candidate;
            }

            for (int i = 0; i < _recentCount; i++)
            {
                _counts[_recent[i]]++;
            }

            // Newest first, so of tied classes the most recent wins and a vote never lags more than it must.
            int best = candidate;
            int length = _recent.Length;
            for (int k = 1; k < _recentCount; k++)
            {
                int older = _recent[(_recentNext - 1 - k + length + length) % length]; // safe division: length is the vote length, 1..32 (GestureDecisionParameters checks it)
                if (_counts[older] > _counts[best])
                {
                    best = older;
                }
            }

            for (int i = 0; i < _recentCount; i++)
            {
                _counts[_recent[i]] = 0;
            }

            return best;
        }
    }
}
