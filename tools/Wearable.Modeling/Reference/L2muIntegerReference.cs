using Wearable.Kernels.Spiking;

namespace Wearable.Modeling.Reference;

/// <summary>
/// The L2MU input module and cell as dense matrix-vector products over 0/1 spike vectors, in the
/// step order of KERNEL-SPEC 3, on top of <see cref="PopulationIntegerReference"/>. Independent of
/// the kernel's event-driven code; used to generate the L2MU golden vectors.
/// </summary>
public sealed class L2muIntegerReference
{
    private readonly L2muInputModuleParameters _in;
    private readonly L2muCellParameters _p;
    private readonly PopulationIntegerReference _channel, _encoder, _decoder, _u, _m, _h, _o;

    public L2muIntegerReference(L2muInputModuleParameters input, L2muCellParameters cell)
    {
        _in = input;
        _p = cell;
        _channel = new(input.ChannelLayer);
        _encoder = new(input.EncoderLayer);
        _decoder = new(input.DecoderLayer);
        _u = new(cell.U);
        _m = new(cell.M);
        _h = new(cell.H);
        _o = new(cell.Output);
        Counts = new int[cell.OutputCount];
    }

    public int[] Counts { get; }

    public PopulationIntegerReference InputSpikes => _decoder;

    public PopulationIntegerReference U => _u;

    public PopulationIntegerReference Memory => _m;

    public PopulationIntegerReference Hidden => _h;

    public PopulationIntegerReference Output => _o;

    public void Step(short[] frame, int offset)
    {
        var first = new Int128[_in.Channels * _in.PopulationSize];
        for (int c = 0; c < _in.Channels; c++)
        {
            for (int k = 0; k < _in.PopulationSize; k++)
            {
                int n = c * _in.PopulationSize + k;
                Int128 product = (Int128)_in.InputWeights[n] * frame[offset + c];
                first[n] = _in.SampleFractionBits == 0 ? product : (product + (Int128.One << (_in.SampleFractionBits - 1))) >> _in.SampleFractionBits;
            }
        }

        _channel.Step(first);
        _encoder.Step(Product(_in.EncoderWeights, _channel.Spikes));
        _decoder.Step(Product(_in.DecoderWeights, _encoder.Spikes));
        byte[] sIn = _decoder.Spikes;

        byte[] hPrev = (byte[])_h.Spikes.Clone();
        byte[] mPrev = (byte[])_m.Spikes.Clone();
        _u.Step(Add(Product(_p.Ex, sIn), Product(_p.Eh, hPrev), Product(_p.Em, mPrev)));

        int d = _p.Order;
        var memoryInput = new Int128[_p.MemorySize * d];
        for (int i = 0; i < _p.MemorySize; i++)
        {
            for (int k = 0; k < d; k++)
            {
                Int128 sum = (Int128)_p.BbarQ14[k] * _u.Spikes[i];
                for (int j = 0; j < d; j++)
                {
                    sum += (Int128)_p.AbarQ14[k * d + j] * mPrev[i * d + j];
                }

                memoryInput[i * d + k] = sum;
            }
        }

        _m.Step(memoryInput);
        _h.Step(Add(Product(_p.Wx, sIn), Product(_p.Wh, hPrev), Product(_p.Wm, _m.Spikes)));
        _o.Step(Product(_p.Wo, _h.Spikes));
        for (int c = 0; c < Counts.Length; c++)
        {
            Counts[c] += _o.Spikes[c];
        }
    }

    private static Int128[] Product(FanOutWeights w, byte[] spikes)
    {
        var r = new Int128[w.OutputCount];
        for (int i = 0; i < w.OutputCount; i++)
        {
            for (int j = 0; j < w.InputCount; j++)
            {
                r[i] += (Int128)w.Weight(j, i) * spikes[j];
            }
        }

        return r;
    }

    private static Int128[] Add(Int128[] a, Int128[] b, Int128[] c)
    {
        var r = new Int128[a.Length];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = a[i] + b[i] + c[i];
        }

        return r;
    }
}
