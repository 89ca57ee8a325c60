using System;

namespace Wearable.Kernels.Eeg
{
    /// <summary>
    /// SSVEP detector settings: 1 or 2 EEG channels, the window N and hop, per target frequency f its
    /// phase increment round(f / fs * 2^32) (as the int bits of a u32), the number of harmonics H whose
    /// sine and cosine form the reference set, and a full-period sine table of 2^TableBits entries in
    /// Q14 (sin(2 pi i / size) * 16384, built on the host) so the device needs no trigonometry.
    /// </summary>
    public sealed class SsvepCcaParameters
    {
        public const int MaxChannels = 2;
        public const int MaxTargets = 8;
        public const int MaxHarmonics = 4;
        public const int MinWindow = 16;

        /// <summary>Longest window: keeps every sliding sum of x * y below 2^14 * 2^14 * 2^12 = 2^40.</summary>
        public const int MaxWindow = 4096;

        public const int MinTableBits = 6;
        public const int MaxTableBits = 12;

        /// <summary>Q14 one: the table's peak.</summary>
        public const int TableOne = 16384;

        private readonly int _channels;
        private readonly int _window;
        private readonly int _hop;
        private readonly int[] _phaseIncrements;
        private readonly int _harmonics;
        private readonly short[] _sineTable;
        private readonly int _tableBits;
        private readonly int _thresholdQ15;

        public SsvepCcaParameters(int channels, int window, int hop, int[] phaseIncrements, int harmonics, short[] sineTable, int thresholdQ15)
        {
            if (channels < 1 || channels > MaxChannels)
            {
                throw new ArgumentOutOfRangeException("channels", "The SSVEP detector takes 1 or 2 channels (closed-form 2x2 CCA); got " + channels.ToString() + ".");
            }

            if (window < MinWindow || window > MaxWindow)
            {
                throw new ArgumentOutOfRangeException("window", "The SSVEP window must be 16..4096 samples; got " + window.ToString() + ".");
            }

            if (hop < 1 || hop > window)
            {
                throw new ArgumentOutOfRangeException("hop", "The hop must be 1..window samples; got " + hop.ToString() + ".");
            }

            if (phaseIncrements == null)
            {
                throw new ArgumentNullException("phaseIncrements");
            }

            if (phaseIncrements.Length < 1 || phaseIncrements.Length > MaxTargets)
            {
                throw new ArgumentOutOfRangeException("phaseIncrements", "Give 1..8 target frequencies; got " + phaseIncrements.Length.ToString() + ".");
            }

            if (harmonics < 1 || harmonics > MaxHarmonics)
            {
                throw new ArgumentOutOfRangeException("harmonics", "Use 1..4 harmonics; got " + harmonics.ToString() + ".");
            }

            if (sineTable == null)
            {
                throw new ArgumentNullException("sineTable");
            }

            int bits = TableBitsOf(sineTable.Length);
            if (bits < 0)
            {
                throw new ArgumentException("The sine table must have 2^6..2^12 entries; got " + sineTable.Length.ToString() + ".", "sineTable");
            }

            for (int i = 0; i < sineTable.Length; i++)
            {
                if (sineTable[i] > TableOne || sineTable[i] < -TableOne)
                {
                    throw new ArgumentException("Sine table entry " + i.ToString() + " is outside +-16384 (Q14).", "sineTable");
                }
            }

            if (thresholdQ15 < 0 || thresholdQ15 > 32767)
            {
                throw new ArgumentOutOfRangeException("thresholdQ15", "The detection threshold is a correlation in Q15, 0..32767; got " + thresholdQ15.ToString() + ".");
            }

            _channels = channels;
            _window = window;
            _hop = hop;
            _phaseIncrements = phaseIncrements;
            _harmonics = harmonics;
            _sineTable = sineTable;
            _tableBits = bits;
            _thresholdQ15 = thresholdQ15;
        }

        public int Channels
        {
            get { return _channels; }
        }

        public int Window
        {
            get { return _window; }
        }

        public int Hop
        {
            get { return _hop; }
        }

        /// <summary>Per target: round(f / fs * 2^32) as the bits of a u32.</summary>
        public int[] PhaseIncrements
        {
            get { return _phaseIncrements; }
        }

        public int TargetCount
        {
            get { return _phaseIncrements.Length; }
        }

        public int Harmonics
        {
            get { return _harmonics; }
        }

        public short[] SineTable
        {
            get { return _sineTable; }
        }

        public int TableBits
        {
            get { return _tableBits; }
        }

        /// <summary>Default detection threshold on the best canonical correlation, Q15.</summary>
        public int ThresholdQ15
        {
            get { return _thresholdQ15; }
        }

        private static int TableBitsOf(int length)
        {
            for (int bits = MinTableBits; bits <= MaxTableBits; bits++)
            {
                if (length == (1 << bits))
                {
                    return bits;
                }
            }

            return -1;
        }
    }
}
