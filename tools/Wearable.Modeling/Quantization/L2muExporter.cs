using Wearable.Kernels.Spiking;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.ModelFiles;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Quantization;

/// <summary>
/// Turns a trained float <see cref="L2muNetwork"/> into the integers of the L2muCell kernel and a
/// model file (kind-4 spiking layer behind a delta-encoder front end). Per population: state F = 14;
/// weights int16 with the largest Fw (&lt;= F) at which the largest weight feeding that population
/// still fits; thresholds round(theta 2^F); decays the network's D (its beta already lies on the
/// 12-bit grid); biases round(b 2^Fw). The memory population keeps Fw = 14 for Abar/Bbar in Q2.14.
/// No calibration data is needed: spikes are 0/1, so weight ranges fix every scale.
/// </summary>
public static class L2muExporter
{
    public const int StateFractionBits = 14;

    public static L2muCellParameters CellParameters(L2muNetwork network)
    {
        var s = network.Shape;
        int n = 2 * network.InputChannels, m = s.MemorySize, d = s.Order, h = s.Hidden, c = network.Classes, md = m * d;
        int fwU = FractionBits(network.Ex, network.Eh, network.Em, network.BiasU);
        int fwH = FractionBits(network.Wx, network.Wh, network.Wm, network.BiasH);
        int fwO = FractionBits(network.Wo, network.BiasOut);
        int[] decays = network.Decays;
        float[] thresholds = network.Thresholds;
        LifParameters Population(int index, int neurons, int fw, Parameter? bias) => new(
            neurons, StateFractionBits, fw, [decays[index]], [Threshold(thresholds[index])], ResetMode.Subtract,
            bias is null ? null : bias.Values.Select(v => (int)Math.Round(v * Math.Pow(2, fw), MidpointRounding.AwayFromZero)).ToArray());
        return new L2muCellParameters(n, m, d, h, c,
            Weights(network.Ex, n, m, fwU), Weights(network.Eh, h, m, fwU), Weights(network.Em, md, m, fwU),
            network.AbarQ14, network.BbarQ14,
            Weights(network.Wx, n, h, fwH), Weights(network.Wh, h, h, fwH), Weights(network.Wm, md, h, fwH),
            Weights(network.Wo, h, c, fwO),
            Population(0, m, fwU, network.BiasU),
            Population(1, md, L2muCellParameters.LmuFractionBits, null),
            Population(2, h, fwH, network.BiasH),
            Population(3, c, fwO, network.BiasOut));
    }

    /// <summary>The model file: raw samples of the protocol's window, delta encoder, the cell; one decision per window.</summary>
    public static byte[] Export(L2muNetwork network, int sampleRateMilliHz, string name, IEnumerable<string>? labels = null)
    {
        var s = network.Shape;
        string description = "L2MU " + network.Spec + " (" + ClassifierModels.ParameterCount(network) + " float parameters, int16 weights): delta encoder (threshold "
            + s.DeltaThreshold + " raw units) -> L2MU cell -> argmax of output spike counts over a " + network.InputLength + "-sample window; reset per window.";
        return L2muModelFile.Build(CellParameters(network), (int)Math.Round(s.Theta), network.InputChannels, sampleRateMilliHz, network.InputLength,
            s.DeltaThreshold, labels, name, description);
    }

    /// <summary>Exports <paramref name="model"/> and returns its accuracy on <paramref name="test"/> through the shared ModelPipeline.</summary>
    public static double ExportAndScore(L2muNetwork model, WindowSet test) =>
        new SpikingModelEvaluation(Export(model, (int)(MyoArmbandDatReader.SampleRate * 1000), "l2mu")).Accuracy(test);

    private static int Threshold(float theta) => (int)Math.Round(theta * (1 << StateFractionBits), MidpointRounding.AwayFromZero);

    /// <summary>
    /// Largest Fw in 0..F with max |w| 2^Fw &lt;= 32767 over the weight matrices feeding one population
    /// (Decays marks weights; the biases are int32 and fit at any Fw).
    /// </summary>
    private static int FractionBits(params Parameter[] parameters)
    {
        double largest = parameters.Where(p => p.Decays).SelectMany(p => p.Values).Select(v => Math.Abs((double)v)).DefaultIfEmpty(0).Max();
        int fw = StateFractionBits;
        while (fw > 0 && largest * Math.Pow(2, fw) > short.MaxValue)
        {
            fw--;
        }

        return fw;
    }

    private static FanOutWeights Weights(Parameter p, int inputs, int outputs, int fw)
    {
        double scale = Math.Pow(2, fw);
        var q = p.Values.Select(v => (short)Math.Clamp(Math.Round(v * scale, MidpointRounding.AwayFromZero), short.MinValue, short.MaxValue)).ToArray();
        return new FanOutWeights(inputs, outputs, q, fw);
    }
}
