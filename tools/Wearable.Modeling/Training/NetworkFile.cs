using System.Text.Json;

namespace Wearable.Modeling.Training;

/// <summary>
/// The float model as JSON (spec, shapes, input scale, parameters): what training produces and
/// quantization reads. The int8 model file for devices is a separate, later export.
/// </summary>
public static class NetworkFile
{
    private sealed class Document
    {
        public string Format { get; set; } = "wearable-float-cnn/1";

        public string Spec { get; set; } = string.Empty;

        public int InputLength { get; set; }

        public int InputChannels { get; set; }

        public int Classes { get; set; }

        public float InputScale { get; set; }

        public string[] ClassNames { get; set; } = [];

        public float[][] Parameters { get; set; } = [];

        public double SampleRate { get; set; }

        public int DecisionHop { get; set; }

        public double UnitsPerCount { get; set; }

        public string Dataset { get; set; } = string.Empty;
    }

    /// <summary>
    /// Saves a model trained on one's own data with the card quantization needs (rate, hop, units per
    /// device count, the data folder), so <c>quantize</c> needs no data-set-specific defaults.
    /// </summary>
    public static void Save(IClassifierModel network, string path, FloatModelCard card)
    {
        Save(network, path, card.ClassNames.ToArray());
        var doc = JsonSerializer.Deserialize<Document>(File.ReadAllText(path))!;
        doc.SampleRate = card.SampleRate;
        doc.DecisionHop = card.DecisionHop;
        doc.UnitsPerCount = card.UnitsPerCount;
        doc.Dataset = card.Dataset;
        File.WriteAllText(path, JsonSerializer.Serialize(doc));
    }

    /// <summary>The card of a model trained on one's own data, or null for a model without one (the Myo armband's).</summary>
    public static FloatModelCard? ReadCard(string path)
    {
        Document? doc;
        try
        {
            doc = JsonSerializer.Deserialize<Document>(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new Datasets.DatasetFormatException(path, "not a float model file: " + ex.Message);
        }

        return doc is null || doc.SampleRate <= 0 ? null : new FloatModelCard(doc.ClassNames, doc.SampleRate, doc.DecisionHop, doc.UnitsPerCount > 0 ? doc.UnitsPerCount : 1, doc.Dataset);
    }

    public static void Save(IClassifierModel network, string path, string[]? classNames = null)
    {
        var doc = new Document
        {
            Spec = network.Spec,
            InputLength = network.InputLength,
            InputChannels = network.InputChannels,
            Classes = network.Classes,
            InputScale = network.InputScale,
            ClassNames = classNames ?? [],
            Parameters = network.Snapshot(),
        };
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(doc));
    }

    public static IClassifierModel Load(string path)
    {
        Document? doc;
        try
        {
            doc = JsonSerializer.Deserialize<Document>(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new Datasets.DatasetFormatException(path, "not a float model file: " + ex.Message);
        }

        if (doc is null || doc.Format != "wearable-float-cnn/1")
        {
            throw new Datasets.DatasetFormatException(path, "not a wearable-float-cnn/1 model file");
        }

        var network = ClassifierModels.Create(doc.Spec, doc.InputLength, doc.InputChannels, doc.Classes, doc.InputScale);
        var expected = network.Parameters.Select(p => p.Values.Length).ToArray();
        if (doc.Parameters.Length != expected.Length || !doc.Parameters.Select(p => p.Length).SequenceEqual(expected))
        {
            throw new Datasets.DatasetFormatException(path, "parameter shapes do not match the spec '" + doc.Spec + "'");
        }

        network.Restore(doc.Parameters);
        return network;
    }
}
