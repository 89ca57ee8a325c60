using Wearable.Modeling.Typing;

namespace Wearable.Modeling.Tests.Typing;

public sealed class TypingModelTests
{
    private static readonly TypingCorpus Corpus = new(["the", "cat", "sat", "on", "mat", "dog", "ran", "far", "away", "home", "quick", "brown"]);

    [Fact]
    public void A_few_training_steps_lower_the_ctc_loss()
    {
        var session = new TypingSemgSimulator(Corpus, 2).Session(new TypingUser(2, 0), 0, 6);
        var example = TypingExample.From(session);
        var model = new TypingModel(TypingFeatures.Count(session.Channels), 8);
        model.Initialize(2);
        model.FitNormalisation([example.Features]);

        var losses = TypingTrainer.Train(model, [example], new TypingTrainingOptions { Steps = 50, Batch = 2, WindowFrames = 100, LearningRate = 5e-3, Seed = 2 });

        Assert.True(losses[^1] < 0.8 * losses[0], "CTC loss per key went from " + losses[0] + " to " + losses[^1]);
    }

    [Fact]
    public void A_new_model_starts_at_mostly_blank_with_the_keys_alike()
    {
        var session = new TypingSemgSimulator(Corpus, 3).Session(new TypingUser(3, 0), 0, 2);
        var example = TypingExample.From(session);
        var model = new TypingModel(TypingFeatures.Count(session.Channels), 48);
        model.Initialize(3);
        model.FitNormalisation([example.Features]);

        float[] logits = model.Logits(example.Features);
        for (int t = 0; t < logits.Length / TypingCharset.Classes; t++)
        {
            var frame = logits.AsSpan(t * TypingCharset.Classes, TypingCharset.Classes);
            float keysMax = float.MinValue, keysMin = float.MaxValue;
            foreach (float k in frame[..TypingCharset.Blank])
            {
                keysMax = Math.Max(keysMax, k);
                keysMin = Math.Min(keysMin, k);
            }

            Assert.True(frame[TypingCharset.Blank] > keysMax + 3, $"frame {t}: blank {frame[TypingCharset.Blank]}, best key {keysMax}");
            Assert.True(keysMax - keysMin < 2, $"frame {t}: keys span {keysMin}..{keysMax}");
        }
    }

    [Fact]
    public void Gradients_are_clipped_to_the_norm_and_the_rate_warms_up_then_decays_to_a_tenth()
    {
        var parameter = new Wearable.Modeling.Training.Parameter("p", 2);
        parameter.Gradients[0] = 30;
        parameter.Gradients[1] = 40; // norm 50, over a batch of 2: 25

        double before = TypingTrainer.ClipGradients([parameter], 2, 5);

        Assert.Equal(25, before, 6);
        Assert.Equal(6, parameter.Gradients[0], 4); // the batch mean now has norm 5: the sum, 10
        Assert.Equal(8, parameter.Gradients[1], 4);
        Assert.True(TypingTrainer.Schedule(0, 10_000) < 0.01);
        Assert.Equal(1.0, TypingTrainer.Schedule(200, 10_000), 2);
        Assert.Equal(0.1, TypingTrainer.Schedule(10_000, 10_000), 6);
    }

    [Fact]
    public void Streaming_recognition_in_blocks_equals_decoding_the_whole_session_at_once()
    {
        var session = new TypingSemgSimulator(Corpus, 4).Session(new TypingUser(4, 1), 0, 4020.5 / 2000); // 4020 samples = 200 feature frames: whole chunks
        var model = new TypingModel(TypingFeatures.Count(session.Channels), 8);
        model.Initialize(4);
        var lm = new CharacterLanguageModel("the cat sat on the mat", 3);

        var offline = new CtcBeamSearchDecoder(lm, new BeamSearchOptions());
        float[] logits = model.Logits(TypingFeatures.Compute(session.Samples, session.Channels));
        offline.Push(logits, logits.Length / TypingCharset.Classes);
        var streaming = new StreamingTypingRecognizer(model, lm, new BeamSearchOptions(), session.Channels);
        var block = new float[20 * session.Channels];
        for (int frame = 0; frame + 20 <= session.Frames; frame += 20)
        {
            Array.Copy(session.Samples, frame * session.Channels, block, 0, block.Length);
            streaming.Push(block, 20);
        }

        Assert.Equal(200, streaming.Frames);
        Assert.Equal(offline.Best, streaming.Keys);
        Assert.NotEmpty(offline.Best); // an untrained model still emits keys, so the comparison is not of two empty strings
    }

    [Fact]
    public void A_saved_model_loads_back_with_the_same_outputs_and_a_foreign_file_is_refused()
    {
        var model = new TypingModel(64, 8);
        model.Initialize(9);
        string path = Path.GetTempFileName();
        try
        {
            model.Save(path);
            var loaded = TypingModel.Load(path);
            var features = new float[30 * 64];
            for (int i = 0; i < features.Length; i++)
            {
                features[i] = (i % 7) * 0.3f;
            }

            Assert.Equal(model.Logits(features), loaded.Logits(features));
            File.WriteAllText(path, "{\"not\": \"a model\"");
            Assert.Throws<InvalidDataException>(() => TypingModel.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
