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
