using Wearable.Kernels.Model;
using Wearable.Modeling.Datasets;

namespace Wearable.Modeling.Evaluation;

/// <summary>
/// Pseudo-online replay of a model file exactly as the device runs it: every int16 frame of a
/// recording pushed through the shared <see cref="ModelPipeline"/> (front end, int8 CNN on the file's
/// hop, the file's gesture_decision logic), its <see cref="ModelPipeline.Decision"/> scored on the
/// newest frame. The firmware's stream stage reads the same property.
/// </summary>
public static class DeviceStreamingEvaluation
{
    public static StreamingResult Run(byte[] modelFile, IEnumerable<LabelledRecording> recordings, StreamingOptions options)
    {
        var pipeline = new ModelPipeline(ModelReader.Read(modelFile));
        var scorer = new StreamScorer(Classes(pipeline), options.RestLabel, options.ReleaseGraceSeconds);
        foreach (var recording in recordings)
        {
            short[] samples = Samples(recording, pipeline);
            pipeline.Reset();
            scorer.BeginRecording(recording);
            for (int f = 0; f < recording.Frames; f++)
            {
                if (pipeline.Push(samples, f * recording.Channels))
                {
                    scorer.Add(f, pipeline.Decision);
                }
            }
        }

        return scorer.Result();
    }

    internal static int Classes(ModelPipeline pipeline) =>
        pipeline.Runner?.OutputBytes ?? pipeline.Spiking?.Counts.Length ?? throw new ArgumentException("The model file decides no classes (an EEG detector?).");

    internal static short[] Samples(LabelledRecording recording, ModelPipeline pipeline)
    {
        if (recording.Int16Samples is not short[] samples)
        {
            throw new ArgumentException(recording.Source + " holds float samples; the device takes int16 ADC frames.");
        }

        if (recording.Channels != pipeline.FrontEnd.Config.Channels)
        {
            throw new ArgumentException(recording.Source + " has " + recording.Channels + " channels; the model file expects " + pipeline.FrontEnd.Config.Channels + ".");
        }

        return samples;
    }
}
