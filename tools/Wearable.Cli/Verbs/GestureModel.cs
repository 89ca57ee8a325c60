using Wearable.Kernels.Model;

namespace Wearable.Cli.Verbs;

/// <summary>
/// A deployable gesture model file (models/*.wmdl) as the demo and other verbs pick it: gesture-default.wmdl
/// when it matches the device's channels and rate, else the first matching file by name.
/// </summary>
public sealed class GestureModel
{
    private GestureModel(string path, byte[] bytes, string[] labels)
    {
        Path = path;
        Bytes = bytes;
        Labels = labels;
    }

    /// <summary>The shipped default gesture model's file name in models/.</summary>
    public const string DefaultFileName = "gesture-default.wmdl";

    public string Path { get; }

    public byte[] Bytes { get; }

    public string[] Labels { get; }

    /// <summary>The label of a class index, or the index itself when the file has no such label.</summary>
    public string Label(int classId) => classId >= 0 && classId < Labels.Length ? Labels[classId] : "class " + classId;

    /// <summary>Searches models/ beside the working directory, then the repository the CLI runs from.</summary>
    public static GestureModel? FindFor(int channels, int sampleRate)
    {
        foreach (string folder in CandidateFolders())
        {
            var files = Directory.EnumerateFiles(folder, "*.wmdl")
                .OrderBy(f => System.IO.Path.GetFileName(f) == DefaultFileName ? 0 : 1)
                .ThenBy(f => f, StringComparer.Ordinal);
            foreach (string file in files)
            {
                byte[] bytes = File.ReadAllBytes(file);
                ModelDefinition model;
                try
                {
                    model = ModelReader.Read(bytes);
                }
                catch (ModelFormatException)
                {
                    continue;
                }

                if (model.Input.Channels == channels && model.Input.SampleRateMilliHz == sampleRate * 1000 && ModelPipeline.CanRun(model))
                {
                    return new GestureModel(file, bytes, model.Labels);
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> CandidateFolders()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (string? dir = start; dir is not null; dir = System.IO.Path.GetDirectoryName(dir))
            {
                string models = System.IO.Path.Combine(dir, "models");
                if (Directory.Exists(models))
                {
                    yield return models;
                    break;
                }
            }
        }
    }
}
