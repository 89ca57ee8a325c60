using Wearable.Kernels.Model;
using Wearable.Kernels.Spiking;

namespace Wearable.Modeling.ModelFiles;

/// <summary>
/// Writes an L2MU cell into a model file: the kind-4 spiking layer record (four population
/// sub-headers and the weight blocks of docs/model-format.md) and, for a whole model, the input
/// section and a front end whose delta encoder feeds the cell (no filter, so the encoder sees the
/// raw samples). Populations must be LIF with one decay and one threshold each (what the record holds).
/// </summary>
public static class L2muModelFile
{
    public static SpikingLayerRecord Layer(L2muCellParameters cell, int thetaSteps)
    {
        var l2mu = new L2muRecord
        {
            MemorySize = cell.MemorySize,
            Order = cell.Order,
            Hidden = cell.HiddenSize,
            Outputs = cell.OutputCount,
            ThetaSteps = thetaSteps,
        };
        PopulationParameters[] populations = [cell.U, cell.M, cell.H, cell.Output];
        for (int i = 0; i < 4; i++)
        {
            if (populations[i] is not LifParameters lif || lif.Decay.Length != 1 || lif.Thresholds.Length != 1)
            {
                throw new ArgumentException("The L2MU record holds LIF populations with one decay and one threshold each; population " + L2muRecord.PopulationName(i) + " is not.");
            }

            l2mu.Populations[i] = new L2muPopulationRecord
            {
                Reset = lif.Reset == ResetMode.Zero ? SpikingLayerRecord.ResetZero : SpikingLayerRecord.ResetSubtract,
                StateFracBits = lif.FractionBits,
                WeightFracBits = lif.WeightFractionBits,
                Decay = lif.Decay[0],
                Threshold = lif.Thresholds[0],
            };
        }

        var blocks = new List<SpikingWeightBlock>
        {
            new() { Id = SpikingLayerRecord.BlockAbar, ElementBits = 16, Rows = cell.Order, Cols = cell.Order, Values16 = cell.AbarQ14 },
            new() { Id = SpikingLayerRecord.BlockBbar, ElementBits = 16, Rows = 1, Cols = cell.Order, Values16 = cell.BbarQ14 },
            Block(L2muRecord.BlockEx, cell.Ex),
            Block(L2muRecord.BlockEh, cell.Eh),
            Block(L2muRecord.BlockEm, cell.Em),
            Block(L2muRecord.BlockWx, cell.Wx),
            Block(L2muRecord.BlockWh, cell.Wh),
            Block(L2muRecord.BlockWm, cell.Wm),
            Block(L2muRecord.BlockWo, cell.Wo),
        };
        AddBias(blocks, L2muRecord.BlockBiasU, cell.U.Bias);
        AddBias(blocks, L2muRecord.BlockBiasH, cell.H.Bias);
        AddBias(blocks, L2muRecord.BlockBiasOut, cell.Output.Bias);
        if (cell.M.Bias is not null)
        {
            throw new ArgumentException("The L2MU record has no memory-population bias.");
        }

        var u = l2mu.Populations[L2muRecord.PopulationU];
        return new SpikingLayerRecord
        {
            Kind = SpikingLayerRecord.KindL2muCell,
            Reset = u.Reset,
            StateFracBits = u.StateFracBits,
            WeightFracBits = u.WeightFracBits,
            Inputs = cell.InputCount,
            Neurons = cell.OutputCount,
            DecayU = u.Decay,
            Threshold = u.Threshold,
            Order = cell.Order,
            ThetaSteps = thetaSteps,
            Blocks = blocks.ToArray(),
            L2mu = l2mu,
        };
    }

    /// <summary>
    /// A complete model: raw int16 samples of <paramref name="channels"/> channels, one decision per
    /// <paramref name="windowSamples"/>-sample window (hop = window, so a per-window reset gives the
    /// protocol's windows), delta encoder with <paramref name="deltaThreshold"/>, then the cell.
    /// </summary>
    public static byte[] Build(L2muCellParameters cell, int thetaSteps, int channels, int sampleRateMilliHz, int windowSamples, int deltaThreshold,
        IEnumerable<string>? labels, string name, string description)
    {
        if (cell.InputCount != 2 * channels)
        {
            throw new ArgumentException("The delta encoder makes " + (2 * channels) + " spike trains but the cell takes " + cell.InputCount + ".");
        }

        var builder = new ModelFileBuilder
        {
            Input = new InputDescription
            {
                Channels = channels,
                SampleRateMilliHz = sampleRateMilliHz,
                Unit = InputDescription.UnitRaw,
                NanoUnitsPerLsb = 1_000_000_000,
                WindowSamples = windowSamples,
                HopSamples = windowSamples,
            },
            FrontEnd = new FrontEndConfig
            {
                Channels = channels,
                EncoderKind = FrontEndConfig.EncoderDelta,
                DeltaThresholds = [deltaThreshold],
                CnnInputQuantTable = -1,
            },
            Name = name,
            Description = description,
        };
        builder.SpikingLayers.Add(Layer(cell, thetaSteps));
        if (labels is not null)
        {
            builder.Labels.AddRange(labels);
        }

        return builder.Build();
    }

    private static SpikingWeightBlock Block(int id, FanOutWeights w) => w.Int8Weights is { } w8
        ? new SpikingWeightBlock { Id = id, ElementBits = 8, Rows = w.InputCount, Cols = w.OutputCount, Values8 = w8 }
        : new SpikingWeightBlock { Id = id, ElementBits = 16, Rows = w.InputCount, Cols = w.OutputCount, Values16 = w.Int16Weights! };

    private static void AddBias(List<SpikingWeightBlock> blocks, int id, int[]? bias)
    {
        if (bias is not null)
        {
            blocks.Add(new SpikingWeightBlock { Id = id, ElementBits = 32, Rows = 1, Cols = bias.Length, Values32 = bias });
        }
    }
}
