using System;

namespace Wearable.Kernels.Eeg
{
    /// <summary>
    /// Streaming amplitude-and-slope artefact detector over interleaved frames. A frame is an artefact
    /// when any channel's |x| exceeds the amplitude limit or |x[n] - x[n-1]| exceeds the slope limit
    /// (the first frame after a reset has no slope). <see cref="CleanFrames"/> counts the frames since
    /// the last artefact frame plus its hold, so a detector window of N frames is clean exactly when
    /// CleanFrames &gt;= N.
    /// </summary>
    public sealed class ArtefactRejector
    {
        // Saturates the clean-run counter far below int.MaxValue so it never wraps on a long recording.
        private const int CleanCap = 1 << 30;

        private readonly int _channels;
        private readonly int _amplitudeLimit;
        private readonly int _slopeLimit;
        private readonly int _holdFrames;
        private readonly int[] _previous;
        private bool _havePrevious;
        private int _run;
        private int _artefactFrames;

        public ArtefactRejector(ArtefactRejectorParameters parameters, int channels)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException("parameters");
            }

            if (channels < 1)
            {
                throw new ArgumentOutOfRangeException("channels", "Need at least one channel; got " + channels.ToString() + ".");
            }

            _channels = channels;
            _amplitudeLimit = parameters.AmplitudeLimit;
            _slopeLimit = parameters.SlopeLimit;
            _holdFrames = parameters.HoldFrames;
            _previous = new int[channels];
        }

        public int Channels
        {
            get { return _channels; }
        }

        /// <summary>Consecutive clean frames up to the newest one (0 while an artefact or its hold lasts).</summary>
        public int CleanFrames
        {
            get { return _run > 0 ? _run : 0; }
        }

        /// <summary>Frames marked as artefacts since the last reset (not counting the hold).</summary>
        public int ArtefactFrames
        {
            get { return _artefactFrames; }
        }

        public void Reset()
        {
            Array.Clear(_previous, 0, _previous.Length);
            _havePrevious = false;
            _run = 0;
            _artefactFrames = 0;
        }

        /// <summary>Checks one interleaved frame; returns true when it is an artefact.</summary>
        public bool PushFrame(int[] frame, int offset)
        {
            bool artefact = false;
            for (int c = 0; c < _channels; c++)
            {
                int x = frame[offset + c];
                if (x > _amplitudeLimit || x < -_amplitudeLimit)
                {
                    artefact = true;
                }

                if (_havePrevious)
                {
                    long slope = (long)x - _previous[c];
                    if (slope > _slopeLimit || slope < -_slopeLimit)
                    {
                        artefact = true;
                    }
                }

                _previous[c] = x;
            }

            _havePrevious = true;
            if (artefact)
            {
                _artefactFrames++;
                _run = -_holdFrames;
            }
            else if (_run < CleanCap)
            {
                _run++;
            }

            return artefact;
        }
    }
}
