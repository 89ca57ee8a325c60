using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;

namespace Wearable.Modeling.Tests;

/// <summary>The EMG-onset reference on synthetic cued recordings whose muscle onsets are known.</summary>
public sealed class MuscleOnsetReferenceTests
{
    private const int Channels = 4;
    private const int Rate = 200;

    /// <summary>
    /// 8-channel-like noise (|x| about 2 per channel) with gestures prompted at <paramref name="prompts"/> for 3 s each;
    /// the muscles really start at prompt + <paramref name="reactions"/> frames (amplitude about 30 per channel) and
    /// stop at the label's end + <paramref name="releases"/> frames (0 when not given). Seeded, so every run is the same.
    /// </summary>
    private static LabelledRecording Cued(int frames, int[] prompts, int[] reactions, int label = 3, int[]? releases = null)
    {
        var random = new Random(1234);
        var samples = new short[frames * Channels];
        var labels = new int[frames];
        for (int f = 0; f < frames; f++)
        {
            bool active = false;
            for (int g = 0; g < prompts.Length; g++)
            {
                int end = prompts[g] + (3 * Rate);
                labels[f] = f >= prompts[g] && f < end ? label : labels[f];
                active |= f >= prompts[g] + reactions[g] && f < end + (releases?[g] ?? 0);
            }

            for (int c = 0; c < Channels; c++)
            {
                int amplitude = active ? 30 : 2;
                samples[(f * Channels) + c] = (short)random.Next(-amplitude, amplitude + 1);
            }
        }

        return LabelledRecording.FromInt16("synthetic", "p", "1", LabelledRecording.NumberedChannels(Channels), Rate, "adc", samples, labels);
    }

    [Fact]
    public void The_onset_is_found_where_the_muscles_start_not_at_the_prompt_and_early_starts_count()
    {
        // Reactions: 300 ms late, 100 ms late, 150 ms early (anticipating the prompt).
        var recording = Cued(20 * Rate, [3 * Rate, 9 * Rate, 15 * Rate], [60, 20, -30]);

        var onsets = MuscleOnsetReference.Find(recording, restLabel: 0);

        Assert.Equal(3, onsets.Count);
        int[] truth = [(3 * Rate) + 60, (9 * Rate) + 20, (15 * Rate) - 30];
        for (int g = 0; g < 3; g++)
        {
            Assert.True(onsets[g].Found);
            Assert.Equal(3, onsets[g].Label);
            // The centred 55 ms envelope may see a step up to half its window (5 frames) early.
            Assert.InRange(onsets[g].OnsetFrame, truth[g] - 6, truth[g] + 1);
        }

        Assert.InRange(onsets[0].ReactionFrames, 54, 61);
        Assert.True(onsets[2].ReactionFrames < 0);
    }

    [Fact]
    public void Without_activity_the_onset_is_the_prompt_and_not_found()
    {
        var recording = Cued(12 * Rate, [4 * Rate], [10 * Rate]); // the muscles never start within the 3 s label

        var onset = Assert.Single(MuscleOnsetReference.Find(recording, restLabel: 0));

        Assert.False(onset.Found);
        Assert.Equal(4 * Rate, onset.OnsetFrame);
        Assert.Equal(0, onset.ReactionFrames);
    }

    [Fact]
    public void Aligned_labels_start_at_the_onset_in_a_new_recording_and_the_input_is_unchanged()
    {
        var recording = Cued(20 * Rate, [3 * Rate, 15 * Rate], [60, -30]);
        int[] before = (int[])recording.FrameLabels!.Clone();
        var onsets = MuscleOnsetReference.Find(recording, restLabel: 0);

        var aligned = MuscleOnsetReference.AlignToActivity(recording, onsets, restLabel: 0);

        Assert.Equal(before, recording.FrameLabels);
        Assert.Same(recording.Int16Samples, aligned.Int16Samples);
        int late = onsets[0].OnsetFrame, early = onsets[1].OnsetFrame;
        Assert.Equal(0, aligned.LabelAt(late - 1));
        Assert.Equal(3, aligned.LabelAt(late));
        Assert.Equal(0, aligned.LabelAt(3 * Rate)); // the prompt, before the muscles moved
        Assert.Equal(0, aligned.LabelAt(early - 1));
        Assert.Equal(3, aligned.LabelAt(early)); // before the prompt: the wearer anticipated it
        int release = onsets[0].ReleaseFrame; // the muscles stop at the label's end here
        Assert.True(onsets[0].ReleaseFound);
        Assert.InRange(release, (6 * Rate) - 1, (6 * Rate) + 6);
        Assert.Equal(3, aligned.LabelAt(release - 1));
        Assert.Equal(0, aligned.LabelAt(release));
        int expected = (release - late) + (onsets[1].ReleaseFrame - early);
        Assert.Equal(expected, aligned.FrameLabels!.Count(l => l != 0));
    }

    [Fact]
    public void The_release_is_found_where_the_muscles_stop_not_at_the_rest_prompt()
    {
        // Let go 300 ms after the rest prompt, then 200 ms before it.
        var recording = Cued(20 * Rate, [3 * Rate, 12 * Rate], [20, 20], releases: [60, -40]);
        int[] ends = [6 * Rate, 15 * Rate];

        var onsets = MuscleOnsetReference.Find(recording, restLabel: 0);
        var aligned = MuscleOnsetReference.AlignToActivity(recording, onsets, restLabel: 0);

        Assert.Equal(2, onsets.Count);
        Assert.All(onsets, o => Assert.True(o.ReleaseFound));
        Assert.InRange(onsets[0].ReleaseLagFrames, 59, 66);
        Assert.InRange(onsets[1].ReleaseLagFrames, -41, -34);
        Assert.Equal(3, aligned.LabelAt(ends[0] + 50)); // still held after the rest prompt
        Assert.Equal(0, aligned.LabelAt(ends[1] - 20)); // already let go before it
        Assert.Equal(ends[0], onsets[0].EndFrame);
    }

    [Fact]
    public void Without_a_fall_near_the_labels_end_the_release_is_the_labels_end()
    {
        // Held 3 s past the rest prompt: beyond the 2.5 s search, so no release is claimed.
        var recording = Cued(20 * Rate, [3 * Rate], [20], releases: [600]);

        var onset = Assert.Single(MuscleOnsetReference.Find(recording, restLabel: 0));

        Assert.False(onset.ReleaseFound);
        Assert.Equal(6 * Rate, onset.ReleaseFrame);
    }

    [Fact]
    public void Scoring_against_aligned_labels_measures_latency_from_the_muscle_onset()
    {
        // A decoder that answers 50 ms after the muscles start: 350 ms after the prompt, 50 ms after the onset.
        var recording = Cued(10 * Rate, [3 * Rate], [60]);
        var aligned = MuscleOnsetReference.AlignToActivity(recording, restLabel: 0);
        int onset = MuscleOnsetReference.Find(recording, 0)[0].OnsetFrame;

        double Latency(LabelledRecording r)
        {
            var scorer = new StreamScorer(4, 0, 0.5);
            scorer.BeginRecording(r);
            for (int f = 4; f < r.Frames; f += 5)
            {
                bool decided = f >= onset + 10 && f < 6 * Rate;
                scorer.Add(f, decided ? 3 : 0);
            }

            return scorer.Result().MedianLatencyMs;
        }

        Assert.InRange(Latency(recording), 320, 360);
        Assert.InRange(Latency(aligned), 50, 75);
    }
}
