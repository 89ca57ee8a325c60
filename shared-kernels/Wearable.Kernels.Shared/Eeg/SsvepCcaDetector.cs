using System;
using Wearable.Kernels.FixedPoint;

namespace Wearable.Kernels.Eeg
{
    /// <summary>
    /// Streaming SSVEP target detector: canonical correlation (CCA) between the last N frames of 1 or 2
    /// EEG channels X and, per target frequency f, the references Y = sin/cos(2 pi h f n / fs) for
    /// h = 1..H, computed in integers (docs/eeg.md gives the derivation and the bounds).
    /// <para>
    /// Per frame it updates exact sliding sums (int64) of x, x x^T, y and x y^T; the reference samples
    /// come from a phase accumulator (u32, wrapping) and a Q14 sine table, and the sample leaving the
    /// window is subtracted with the phase it entered with, so the sums never drift. Every hop frames
    /// (once N frames are in) it solves, per target, the 2x2 generalized eigenproblem of
    /// Cxy Cyx against Cxx * Cyy, taking Cyy as (N^2 2^27) I: sines and cosines of distinct
    /// harmonics over whole cycles are orthogonal with that norm (choose N so the targets complete whole
    /// cycles; the double-precision standard CCA in Wearable.Modeling measures the difference).
    /// Power-of-two normalisations keep every product below 2^63; the result is rho in Q15.
    /// </para>
    /// </summary>
    public sealed class SsvepCcaDetector
    {
        /// <summary>Inputs (int16 LSB) are clamped to +-InputLimit so x y products stay below 2^28.</summary>
        public const int InputLimit = 16383;

        /// <summary>log2 of the mean square of a Q14 sine (2^28 / 2).</summary>
        private const int ReferencePowerBits = 27;

        private readonly int _channels;
        private readonly int _window;
        private readonly int _hop;
        private readonly int _targets;
        private readonly int _harmonics;
        private readonly int _referencesPerTarget;
        private readonly int _references;
        private readonly short[] _table;
        private readonly int _tableShift;
        private readonly int _tableMask;
        private readonly int _quarter;
        private readonly uint[] _increment;
        private readonly uint[] _leavingOffset;
        private readonly uint[] _phase;
        private readonly short[] _ring;
        private readonly long[] _sumX;
        private readonly long[] _sumXX;
        private readonly long[] _sumY;
        private readonly long[] _sumXY;
        private readonly int[] _correlation;
        private int _write;
        private int _filled;
        private int _sinceDecision;
        private int _thresholdQ15;

        public SsvepCcaDetector(SsvepCcaParameters parameters)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException("parameters");
            }

            _channels = parameters.Channels;
            _window = parameters.Window;
            _hop = parameters.Hop;
            _targets = parameters.TargetCount;
            _harmonics = parameters.Harmonics;
            _referencesPerTarget = 2 * _harmonics;
            _references = _targets * _referencesPerTarget;
            _table = parameters.SineTable;
            _tableShift = 32 - parameters.TableBits;
            _tableMask = _table.Length - 1;
            _quarter = _table.Length / 4;
            _thresholdQ15 = parameters.ThresholdQ15;
            int oscillators = _targets * _harmonics;
            _increment = new uint[oscillators];
            _leavingOffset = new uint[oscillators];
            _phase = new uint[oscillators];
            for (int k = 0; k < _targets; k++)
            {
                uint baseIncrement = (uint)parameters.PhaseIncrements[k];
                for (int h = 0; h < _harmonics; h++)
                {
                    // u32 arithmetic wraps by definition: phases live on the circle 2^32 = 2 pi.
                    uint increment = baseIncrement * (uint)(h + 1);
                    _increment[(k * _harmonics) + h] = increment;
                    _leavingOffset[(k * _harmonics) + h] = increment * (uint)_window;
                }
            }

            _ring = new short[_channels * _window];
            _sumX = new long[_channels];
            _sumXX = new long[_channels * _channels];
            _sumY = new long[_references];
            _sumXY = new long[_channels * _references];
            _correlation = new int[_targets];
            Decision = -1;
        }

        public int Channels
        {
            get { return _channels; }
        }

        public int TargetCount
        {
            get { return _targets; }
        }

        /// <summary>A target is detected when its correlation reaches this (Q15); replaceable by a per-user value.</summary>
        public int ThresholdQ15
        {
            get { return _thresholdQ15; }
            set { _thresholdQ15 = value < 0 ? 0 : (value > 32767 ? 32767 : value); }
        }

        /// <summary>Index of the best-correlated target at the last decision (ties: lowest); -1 before the first.</summary>
        public int Decision { get; private set; }

        /// <summary>The best canonical correlation at the last decision, Q15.</summary>
        public int ConfidenceQ15 { get; private set; }

        /// <summary>True when the last decision's best correlation reached the threshold.</summary>
        public bool Detected { get; private set; }

        /// <summary>Canonical correlation of one target at the last decision, Q15.</summary>
        public int CorrelationQ15(int target)
        {
            return _correlation[target];
        }

        public void Reset()
        {
            Array.Clear(_phase, 0, _phase.Length);
            Array.Clear(_ring, 0, _ring.Length);
            Array.Clear(_sumX, 0, _sumX.Length);
            Array.Clear(_sumXX, 0, _sumXX.Length);
            Array.Clear(_sumY, 0, _sumY.Length);
            Array.Clear(_sumXY, 0, _sumXY.Length);
            Array.Clear(_correlation, 0, _correlation.Length);
            _write = 0;
            _filled = 0;
            _sinceDecision = 0;
            Decision = -1;
            ConfidenceQ15 = 0;
            Detected = false;
        }

        /// <summary>One interleaved frame of int16-range values; returns true when it completed a decision.</summary>
        public bool PushFrame(int[] frame, int offset)
        {
            int at = _write * _channels;
            if (_filled == _window)
            {
                Accumulate(at, -1);
            }

            for (int c = 0; c < _channels; c++)
            {
                int v = frame[offset + c];
                _ring[at + c] = (short)(v > InputLimit ? InputLimit : (v < -InputLimit ? -InputLimit : v));
            }

            Accumulate(at, 1);
            for (int i = 0; i < _phase.Length; i++)
            {
                _phase[i] += _increment[i];
            }

            _write++;
            if (_write == _window)
            {
                _write = 0;
            }

            if (_filled < _window)
            {
                _filled++;
            }

            _sinceDecision++;
            if (_filled < _window || _sinceDecision < _hop)
            {
                return false;
            }

            _sinceDecision = 0;
            Decide();
            return true;
        }

        // Adds (sign 1) the frame at ring position 'at' with the current phases, or removes (sign -1)
        // the frame there, which entered exactly N frames ago, i.e. with phase - N * increment.
        private void Accumulate(int at, int sign)
        {
            for (int c = 0; c < _channels; c++)
            {
                long x = sign * _ring[at + c];
                _sumX[c] += x;
                for (int d = 0; d < _channels; d++)
                {
                    _sumXX[(c * _channels) + d] += x * _ring[at + d];
                }
            }

            for (int i = 0; i < _phase.Length; i++)
            {
                uint phase = sign > 0 ? _phase[i] : _phase[i] - _leavingOffset[i];
                int index = (int)(phase >> _tableShift);
                int sine = _table[index];
                int cosine = _table[(index + _quarter) & _tableMask];
                int j = 2 * i;
                _sumY[j] += sign * sine;
                _sumY[j + 1] += sign * cosine;
                for (int c = 0; c < _channels; c++)
                {
                    long x = sign * _ring[at + c];
                    _sumXY[(c * _references) + j] += x * sine;
                    _sumXY[(c * _references) + j + 1] += x * cosine;
                }
            }
        }

        private void Decide()
        {
            int best = 0;
            for (int k = 0; k < _targets; k++)
            {
                _correlation[k] = Correlation(k);
                if (_correlation[k] > _correlation[best])
                {
                    best = k;
                }
            }

            Decision = best;
            ConfidenceQ15 = _correlation[best];
            Detected = ConfidenceQ15 >= _thresholdQ15;
        }

        // rho of one target in Q15. Names: Cxx'' = N Sxx - Sx Sx^T and Cxy'' = N Sxy - Sx Sy^T are the
        // covariances times N^2 (exact: |N Sxx| and |Sx|^2 stay below 2^53 for |x| < 2^14, N <= 2^12).
        private int Correlation(int target)
        {
            long n = _window;
            long cxx00 = (n * _sumXX[0]) - (_sumX[0] * _sumX[0]);
            long cxx01 = 0;
            long cxx11 = 0;
            if (_channels == 2)
            {
                cxx01 = (n * _sumXX[1]) - (_sumX[0] * _sumX[1]);
                cxx11 = (n * _sumXX[3]) - (_sumX[1] * _sumX[1]);
            }

            int a = ShiftToFit(Max(Abs(cxx00), Abs(cxx01), Abs(cxx11)), 30);
            long x00 = cxx00 >> a;
            long x01 = cxx01 >> a;
            long x11 = cxx11 >> a;

            int first = target * _referencesPerTarget;
            long largest = 0;
            for (int c = 0; c < _channels; c++)
            {
                for (int j = first; j < first + _referencesPerTarget; j++)
                {
                    largest = Max(largest, Abs(CrossCovariance(c, j)), 0);
                }
            }

            // Cross covariances to below 2^28 so the 2H <= 8 products of a G entry sum below 2^59.
            int b = ShiftToFit(largest, 28);
            long g00 = 0;
            long g01 = 0;
            long g11 = 0;
            for (int j = first; j < first + _referencesPerTarget; j++)
            {
                long y0 = CrossCovariance(0, j) >> b;
                g00 += y0 * y0;
                if (_channels == 2)
                {
                    long y1 = CrossCovariance(1, j) >> b;
                    g01 += y0 * y1;
                    g11 += y1 * y1;
                }
            }

            int g = ShiftToFit(Max(Abs(g00), Abs(g01), Abs(g11)), 30);
            g00 >>= g;
            g01 >>= g;
            g11 >>= g;

            // lambda_max of Cx^-1 G = num / (2 det), num = T + sqrt(T^2 - 4 det(Cx) det(G)) for 2x2,
            // num = 2 g00 and det = x00 for one channel.
            long num;
            long det;
            if (_channels == 1)
            {
                num = 2 * g00;
                det = x00;
            }
            else
            {
                long trace = (x11 * g00) + (x00 * g11) - (2 * x01 * g01);
                long detX = (x00 * x11) - (x01 * x01);
                long detG = (g00 * g11) - (g01 * g01);
                if (detX < 0)
                {
                    detX = 0;
                }

                if (detG < 0)
                {
                    detG = 0;
                }

                int u = ShiftToFit(Max(Abs(trace), detX, detG), 30);
                trace >>= u;
                detX >>= u;
                detG >>= u;
                long discriminant = (trace * trace) - (4 * detX * detG);
                num = trace + IntegerSqrt.Sqrt(discriminant < 0 ? 0 : discriminant);
                det = detX;
            }

            if (det <= 0 || num <= 0)
            {
                return 0;
            }

            // rho^2 (Q30) = num 2^e / (det N^2) with e = 2b + g - a + 2: the 2^(2b+g) and 2^a undo the
            // normalisations, 2^-1 the halving in num / 2, and 2^(30-27) turns Cyy = N^2 2^27 into Q30.
            int e = (2 * b) + g - a + 2;
            long denominator = det * n * n;
            int d = ShiftToFit(denominator, 31);
            denominator >>= d;
            long quotient = (num << 30) / denominator; // safe division: det > 0 and n >= 1 were checked above, so the denominator is positive
            int shift = e - d - 30;
            long rho2;
            if (shift >= 0)
            {
                rho2 = shift > 30 || quotient > ((1L << 30) >> shift) ? 1L << 30 : quotient << shift;
            }
            else
            {
                rho2 = -shift > 62 ? 0 : quotient >> -shift;
            }

            if (rho2 > (1L << 30))
            {
                rho2 = 1L << 30;
            }

            int rho = IntegerSqrt.Sqrt(rho2);
            return rho > 32767 ? 32767 : rho;
        }

        private long CrossCovariance(int channel, int reference)
        {
            return ((long)_window * _sumXY[(channel * _references) + reference]) - (_sumX[channel] * _sumY[reference]);
        }

        /// <summary>Right shift that brings a magnitude below 2^bits.</summary>
        private static int ShiftToFit(long magnitude, int bits)
        {
            int shift = 0;
            while ((magnitude >> shift) >= (1L << bits))
            {
                shift++;
            }

            return shift;
        }

        private static long Abs(long v)
        {
            return v < 0 ? -v : v;
        }

        private static long Max(long a, long b, long c)
        {
            long m = a > b ? a : b;
            return m > c ? m : c;
        }
    }
}
