using System;

namespace Wearable.Kernels.Spiking
{
    /// <summary>
    /// One L2MU cell (LMU built of spiking populations), stepped in the order of KERNEL-SPEC 3:
    /// u from (s_in, s_h prev, s_m prev); m from (Abar s_m prev, Bbar s_u); h from (s_in, s_h prev,
    /// s_m new); out from s_h with bias, counting output spikes for the decision. Step() works on the
    /// active inputs only; StepDense() multiplies by every 0/1 spike and gives the same integers.
    /// </summary>
    public sealed class L2muCell
    {
        private readonly L2muCellParameters _p;
        private readonly int _order;
        private readonly int _memorySize;
        private readonly short[] _abarTransposed;
        private readonly short[] _bbar;
        private readonly SpikingPopulation _u;
        private readonly SpikingPopulation _m;
        private readonly SpikingPopulation _h;
        private readonly SpikingPopulation _out;
        private readonly int[] _counts;

        public L2muCell(L2muCellParameters parameters)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException("parameters");
            }

            _p = parameters;
            _order = parameters.Order;
            _memorySize = parameters.MemorySize;
            int d = _order;

            // A memory spike (i, j) adds column j of Abar to neurons (i, 0..d-1): store Abar transposed so that column is contiguous.
            _abarTransposed = new short[d * d];
            for (int k = 0; k < d; k++)
            {
                for (int j = 0; j < d; j++)
                {
                    _abarTransposed[j * d + k] = parameters.AbarQ14[k * d + j];
                }
            }

            _bbar = parameters.BbarQ14;
            _u = parameters.U.CreatePopulation();
            _m = parameters.M.CreatePopulation();
            _h = parameters.H.CreatePopulation();
            _out = parameters.Output.CreatePopulation();
            _counts = new int[parameters.OutputCount];
        }

        public SpikingPopulation U
        {
            get { return _u; }
        }

        public SpikingPopulation Memory
        {
            get { return _m; }
        }

        public SpikingPopulation Hidden
        {
            get { return _h; }
        }

        public SpikingPopulation Output
        {
            get { return _out; }
        }

        /// <summary>Output spikes per class since the last Reset.</summary>
        public int[] SpikeCounts
        {
            get { return _counts; }
        }

        /// <summary>Clears all populations and counts (start of a new window).</summary>
        public void Reset()
        {
            _u.Reset();
            _m.Reset();
            _h.Reset();
            _out.Reset();
            Array.Clear(_counts, 0, _counts.Length);
        }

        /// <summary>One step, event-driven: only the listed active input spikes (ascending or not) are touched.</summary>
        public void Step(int[] activeInputs, int activeCount)
        {
            _u.AddSpikes(_p.Ex, activeInputs, activeCount);
            _u.AddSpikes(_p.Eh, _h.ActiveIndices, _h.ActiveCount);
            _u.AddSpikes(_p.Em, _m.ActiveIndices, _m.ActiveCount);
            _u.Step();

            long[] accM = _m.InputAccumulator;
            int d = _order;
            int[] activeM = _m.ActiveIndices;
            for (int a = 0; a < _m.ActiveCount; a++)
            {
                int q = activeM[a];
                int i = q / d; // safe division: L2muCellParameters rejects order < 1
                int j = q - i * d;
                int target = i * d;
                int row = j * d;
                for (int k = 0; k < d; k++)
                {
                    accM[target + k] += _abarTransposed[row + k];
                }
            }

            int[] activeU = _u.ActiveIndices;
            for (int a = 0; a < _u.ActiveCount; a++)
            {
                int target = activeU[a] * d;
                for (int k = 0; k < d; k++)
                {
                    accM[target + k] += _bbar[k];
                }
            }

            _m.Step();

            _h.AddSpikes(_p.Wx, activeInputs, activeCount);
            _h.AddSpikes(_p.Wh, _h.ActiveIndices, _h.ActiveCount);
            _h.AddSpikes(_p.Wm, _m.ActiveIndices, _m.ActiveCount);
            _h.Step();

            _out.AddSpikes(_p.Wo, _h.ActiveIndices, _h.ActiveCount);
            _out.Step();
            CountOutput();
        }

        /// <summary>One step, dense: every weight times its input's 0/1 spike. Same integers as Step.</summary>
        public void StepDense(byte[] inputSpikes, int offset)
        {
            _u.AddSpikesDense(_p.Ex, inputSpikes, offset);
            _u.AddSpikesDense(_p.Eh, _h.Spikes, 0);
            _u.AddSpikesDense(_p.Em, _m.Spikes, 0);
            _u.Step();

            long[] accM = _m.InputAccumulator;
            int d = _order;
            byte[] sm = _m.Spikes;
            byte[] su = _u.Spikes;
            for (int i = 0; i < _memorySize; i++)
            {
                int target = i * d;
                for (int k = 0; k < d; k++)
                {
                    long sum = 0;
                    for (int j = 0; j < d; j++)
                    {
                        sum += _abarTransposed[j * d + k] * sm[target + j];
                    }

                    accM[target + k] += sum + _bbar[k] * su[i];
                }
            }

            _m.Step();

            _h.AddSpikesDense(_p.Wx, inputSpikes, offset);
            _h.AddSpikesDense(_p.Wh, _h.Spikes, 0);
            _h.AddSpikesDense(_p.Wm, _m.Spikes, 0);
            _h.Step();

            _out.AddSpikesDense(_p.Wo, _h.Spikes, 0);
            _out.Step();
            CountOutput();
        }

        /// <summary>argmax of the spike counts; ties go to the lowest index.</summary>
        public int Decision()
        {
            int best = 0;
            for (int c = 1; c < _counts.Length; c++)
            {
                if (_counts[c] > _counts[best])
                {
                    best = c;
                }
            }

            return best;
        }

        private void CountOutput()
        {
            int[] active = _out.ActiveIndices;
            for (int a = 0; a < _out.ActiveCount; a++)
            {
                _counts[active[a]]++;
            }
        }
    }
}
