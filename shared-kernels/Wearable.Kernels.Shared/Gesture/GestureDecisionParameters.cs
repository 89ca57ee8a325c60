using System;

namespace Wearable.Kernels.Gesture
{
    /// <summary>
    /// How a gesture model's per-hop class scores become the decisions a user sees (model-file section
    /// 10, gesture_decision): rest rejection below a confidence, a muscle-activity gate on the signal's
    /// envelope, a majority vote over hops and hysteresis before the output changes. The same values
    /// run on the device and in `wearable eval`, so what is tuned on the host is what the wearer gets.
    /// </summary>
    public sealed class GestureDecisionParameters
    {
        /// <summary>rest_class value meaning "the model has no rest class".</summary>
        public const int NoRestClass = 255;

        /// <summary>Longest vote and hysteresis, in hops (a longer one would lag by seconds).</summary>
        public const int MaxHops = 32;

        /// <summary>Slowest envelope smoothing (time constant 2^15 frames).</summary>
        public const int MaxEnvelopeShift = 15;

        /// <summary>Most channels the envelope sums: 64 x 32768 x 2^8 stays inside int32.</summary>
        public const int MaxEnvelopeChannels = 64;

        /// <summary>Longest refractory period, in hops (3.2 s at the 25 ms hop of the myo-readings models).</summary>
        public const int MaxRefractoryHops = 128;

        /// <summary>Highest envelope level (sum over channels of |sample| in LSB).</summary>
        public const int MaxEnvelopeLevel = MaxEnvelopeChannels * 32768;

        private readonly int _restClass;
        private readonly int _minConfidence;
        private readonly int _voteLength;
        private readonly int _enterHops;
        private readonly int _leaveHops;
        private readonly int _envelopeShift;
        private readonly int _envelopeOnLevel;
        private readonly int _envelopeOffLevel;
        private readonly int _refractoryHops;

        /// <param name="restClass">Class index of rest, or <see cref="NoRestClass"/>.</param>
        /// <param name="minConfidence">A gesture whose int8 softmax score (-128..127, probability (q + 128) / 256) is below this becomes rest (or keeps the last output without a rest class); -128 = never.</param>
        /// <param name="voteLength">Majority vote over this many latest hops (1 = none); ties go to the newest.</param>
        /// <param name="enterHops">Hops a new gesture must win the vote in a row before the output becomes it.</param>
        /// <param name="leaveHops">Hops rest must win the vote in a row before the output returns to rest.</param>
        /// <param name="envelopeShift">Envelope smoothing: the one-pole filter moves 2^-shift of the way per frame.</param>
        /// <param name="envelopeOnLevel">Envelope (sum of |sample| over channels, LSB) at or above which the muscles count as active; 0 = no envelope gate.</param>
        /// <param name="envelopeOffLevel">Envelope below which they count as resting again (at most the on level: the gap is the hysteresis).</param>
        public GestureDecisionParameters(int restClass, int minConfidence, int voteLength, int enterHops, int leaveHops, int envelopeShift, int envelopeOnLevel, int envelopeOffLevel)
            : this(restClass, minConfidence, voteLength, enterHops, leaveHops, envelopeShift, envelopeOnLevel, envelopeOffLevel, 0)
        {
        }

        /// <param name="refractoryHops">Hops after the output returned from a gesture to rest during which every hop counts as rest (0 = none): the hand falling back to neutral moves muscles too, and must not fire a second gesture.</param>
        public GestureDecisionParameters(int restClass, int minConfidence, int voteLength, int enterHops, int leaveHops, int envelopeShift, int envelopeOnLevel, int envelopeOffLevel, int refractoryHops)
        {
            if (restClass < 0 || restClass > NoRestClass)
            {
                throw new ArgumentOutOfRangeException("restClass", "The rest class must be a class index 0..254 or 255 (none); got " + restClass.ToString() + ".");
            }

            if (minConfidence < -128 || minConfidence > 127)
            {
                throw new ArgumentOutOfRangeException("minConfidence", "The confidence threshold is an int8 score, -128..127; got " + minConfidence.ToString() + ".");
            }

            CheckHops("voteLength", voteLength);
            CheckHops("enterHops", enterHops);
            CheckHops("leaveHops", leaveHops);
            if (envelopeShift < 0 || envelopeShift > MaxEnvelopeShift)
            {
                throw new ArgumentOutOfRangeException("envelopeShift", "The envelope shift must be 0..15; got " + envelopeShift.ToString() + ".");
            }

            if (envelopeOnLevel < 0 || envelopeOnLevel > MaxEnvelopeLevel)
            {
                throw new ArgumentOutOfRangeException("envelopeOnLevel", "The envelope on level must be 0 (off) .. " + MaxEnvelopeLevel.ToString() + "; got " + envelopeOnLevel.ToString() + ".");
            }

            if (envelopeOffLevel < 0 || envelopeOffLevel > envelopeOnLevel)
            {
                throw new ArgumentOutOfRangeException("envelopeOffLevel", "The envelope off level must be 0 .. the on level (" + envelopeOnLevel.ToString() + "); got " + envelopeOffLevel.ToString() + ".");
            }

            if (refractoryHops < 0 || refractoryHops > MaxRefractoryHops)
            {
                throw new ArgumentOutOfRangeException("refractoryHops", "The refractory period must be 0..128 hops; got " + refractoryHops.ToString() + ".");
            }

            _restClass = restClass;
            _minConfidence = minConfidence;
            _voteLength = voteLength;
            _enterHops = enterHops;
            _leaveHops = leaveHops;
            _envelopeShift = envelopeShift;
            _envelopeOnLevel = envelopeOnLevel;
            _envelopeOffLevel = envelopeOffLevel;
            _refractoryHops = refractoryHops;
        }

        public int RestClass
        {
            get { return _restClass; }
        }

        public bool HasRestClass
        {
            get { return _restClass != NoRestClass; }
        }

        public int MinConfidence
        {
            get { return _minConfidence; }
        }

        public int VoteLength
        {
            get { return _voteLength; }
        }

        public int EnterHops
        {
            get { return _enterHops; }
        }

        public int LeaveHops
        {
            get { return _leaveHops; }
        }

        public int EnvelopeShift
        {
            get { return _envelopeShift; }
        }

        public int EnvelopeOnLevel
        {
            get { return _envelopeOnLevel; }
        }

        public int EnvelopeOffLevel
        {
            get { return _envelopeOffLevel; }
        }

        /// <summary>Hops after a gesture ends during which the output stays rest (0 = none).</summary>
        public int RefractoryHops
        {
            get { return _refractoryHops; }
        }

        /// <summary>True when the envelope gate is on (it needs a rest class to gate to).</summary>
        public bool GatesOnEnvelope
        {
            get { return _envelopeOnLevel > 0 && _restClass != NoRestClass; }
        }

        private static void CheckHops(string name, int hops)
        {
            if (hops < 1 || hops > MaxHops)
            {
                throw new ArgumentOutOfRangeException(name, "Hop counts must be 1..32; got " + hops.ToString() + ".");
            }
        }
    }
}
