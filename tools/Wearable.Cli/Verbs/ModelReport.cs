using Spectre.Console;
using Wearable.Kernels.Model;

namespace Wearable.Cli.Verbs;

/// <summary>What `wearable model inspect` reports, as one object for --json and as tables for people.</summary>
public sealed record ModelReport(
    string File,
    string Name,
    string Description,
    int FormatVersion,
    int FileBytes,
    string Crc32,
    ModelReport.InputInfo Input,
    ModelReport.FrontEndInfo? FrontEnd,
    IReadOnlyList<ModelReport.SpikingInfo> SpikingLayers,
    IReadOnlyList<ModelReport.LayerInfo> Layers,
    int? ArenaBytes,
    int? ScratchBytes,
    long ParameterBytes,
    long MacsPerInference,
    IReadOnlyList<string> Labels,
    string Runs)
{
    public sealed record InputInfo(int Channels, double SampleRateHz, string Unit, double UnitsPerLsb, int WindowSamples, int HopSamples);

    public sealed record FrontEndInfo(int FilterSections, int GuardBits, string Envelope, int EnvelopeSections, int Decimation, int FeatureWindow, int FeatureHop, IReadOnlyList<string> Features, string Encoder);

    public sealed record SpikingInfo(int Index, string Kind, int Inputs, int Neurons, int StateFracBits, int Threshold, int Blocks, long ParameterBytes);

    public sealed record LayerInfo(int Index, string Op, string Input, string Output, string Details, int ParameterBytes, long Macs, int ArenaOffset);

    public static ModelReport From(string file, ModelDefinition m, ModelRunner? runner)
    {
        var input = new InputInfo(m.Input.Channels, m.Input.SampleRateMilliHz / 1000.0, InputDescription.UnitName(m.Input.Unit),
            m.Input.NanoUnitsPerLsb / 1e9, m.Input.WindowSamples, m.Input.HopSamples);
        FrontEndInfo? frontEnd = m.FrontEnd is { } fe
            ? new FrontEndInfo(fe.FilterStageCount, fe.GuardBits, fe.EnvelopeKind == FrontEndConfig.EnvelopeNone ? "none" : "rectify+low-pass",
                fe.EnvelopeStageCount, fe.Decimation, fe.FeatureWindow, fe.FeatureHop, FeatureNames(fe.FeatureMask),
                fe.EncoderKind == FrontEndConfig.EncoderDelta ? "delta" : "none")
            : null;
        var spiking = m.SpikingLayers.Select((l, i) => new SpikingInfo(i, SpikingLayerRecord.KindName(l.Kind), l.Inputs, l.Neurons, l.StateFracBits, l.Threshold,
            l.Blocks.Length, l.Blocks.Sum(b => (long)b.ByteCount))).ToList();
        var layers = m.Layers.Select((l, i) => new LayerInfo(i, CnnOpCode.Name(l.Op),
            Shape(m, l.Input) + (l.Input2 >= 0 ? " + " + Shape(m, l.Input2) : ""), Shape(m, l.Output), l.Describe(), l.ParameterBytes, l.Macs,
            runner?.TensorOffset(l.Output) ?? 0)).ToList();
        long spikingBytes = spiking.Sum(s => s.ParameterBytes);
        return new ModelReport(file, m.Name, m.Description, m.FormatVersion, m.FileLength, m.Crc.ToString("x8"), input, frontEnd, spiking, layers,
            runner?.ArenaBytes, runner?.ScratchBytes, (runner?.ParameterBytes ?? 0) + spikingBytes, runner?.MacsPerInference ?? 0, m.Labels, DescribeRuns(m));
    }

    /// <summary>What the shared runtime executes for this file (ModelPipeline / ModelRunner).</summary>
    private static string DescribeRuns(ModelDefinition m)
    {
        bool l2mu = m.SpikingLayers.Any(l => l.Kind == SpikingLayerRecord.KindL2mu);
        bool cnnFed = m.HasCnn && m.FrontEnd is { CnnInputQuantTable: >= 0 };
        bool spikingFed = m.SpikingLayers.Length > 0 && !l2mu && m.FrontEnd is { EncoderKind: FrontEndConfig.EncoderDelta };
        var parts = new List<string>();
        if (cnnFed)
        {
            parts.Add("samples -> front end -> CNN");
        }
        else if (m.HasCnn)
        {
            parts.Add("int8 windows -> CNN");
        }

        if (spikingFed)
        {
            parts.Add("samples -> front end -> delta encoder -> spiking layers");
        }

        if (l2mu)
        {
            parts.Add("L2MU layers carried but not executed yet");
        }

        return parts.Count > 0 ? string.Join("; ", parts) : "nothing executable (data only)";
    }

    public static void Print(ModelReport r)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(r.Name.Length > 0 ? r.Name : r.File)}[/]  format v{r.FormatVersion}, {r.FileBytes} bytes, crc32 {r.Crc32}");
        if (r.Description.Length > 0)
        {
            AnsiConsole.WriteLine(r.Description);
        }

        AnsiConsole.MarkupLine($"[bold]input[/]  {r.Input.Channels} ch at {r.Input.SampleRateHz:0.###} Hz, {r.Input.UnitsPerLsb:0.######} {Markup.Escape(r.Input.Unit)}/LSB, window {r.Input.WindowSamples} / hop {r.Input.HopSamples} samples");
        if (r.FrontEnd is { } fe)
        {
            AnsiConsole.MarkupLine($"[bold]front end[/]  {fe.FilterSections} biquad section(s), {fe.GuardBits} guard bits; envelope {fe.Envelope} ({fe.EnvelopeSections} section(s)); "
                + $"decimation {fe.Decimation}; features {string.Join("+", fe.Features)} window {fe.FeatureWindow} hop {fe.FeatureHop}; encoder {fe.Encoder}");
        }

        if (r.SpikingLayers.Count > 0)
        {
            var spiking = new Table().AddColumns("#", "kind", "inputs", "neurons", "F", "threshold", "blocks", "param bytes");
            foreach (var s in r.SpikingLayers)
            {
                spiking.AddRow(s.Index.ToString(), s.Kind, s.Inputs.ToString(), s.Neurons.ToString(), s.StateFracBits.ToString(), s.Threshold.ToString(), s.Blocks.ToString(), s.ParameterBytes.ToString());
            }

            AnsiConsole.Write(spiking);
        }

        if (r.Layers.Count > 0)
        {
            var table = new Table().AddColumns("#", "op", "input", "output", "details", "param bytes", "MACs", "arena offset");
            foreach (var l in r.Layers)
            {
                table.AddRow(l.Index.ToString(), l.Op, l.Input, l.Output, Markup.Escape(l.Details), l.ParameterBytes.ToString(), l.Macs.ToString("N0"), l.ArenaOffset.ToString());
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[bold]arena[/] {r.ArenaBytes} bytes + scratch {r.ScratchBytes} bytes; [bold]parameters[/] {r.ParameterBytes} bytes; [bold]MACs per inference[/] {r.MacsPerInference:N0}");
        }
        else
        {
            AnsiConsole.MarkupLine("[bold]no CNN graph[/] (nothing for the CNN runner to execute)");
        }

        AnsiConsole.MarkupLine($"[bold]labels[/] ({r.Labels.Count}): {Markup.Escape(string.Join(", ", r.Labels))}");
        AnsiConsole.MarkupLine($"[bold]runs[/] {Markup.Escape(r.Runs)}");
    }

    private static string Shape(ModelDefinition m, int tensor) => m.Tensors[tensor].Length + "x" + m.Tensors[tensor].Channels;

    private static List<string> FeatureNames(int mask)
    {
        string[] names = { "MAV", "RMS", "WL", "ZC", "SSC" };
        return names.Where((_, i) => (mask & (1 << i)) != 0).ToList();
    }
}
