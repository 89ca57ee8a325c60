using Wearable.Kernels.Gesture;
using Wearable.Kernels.Model;
using Wearable.Modeling.ModelFiles;
using Wearable.Modeling.Reference;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests.Gesture;

/// <summary>The gesture_decision kernel: bit-exact against the written-out rules, allocation-free, and what its parts are for.</summary>
public class GestureDecisionTests
{
    private const int Channels = 8;
    private const int Classes = 8;
    private const int Hop = 5;

    public static TheoryData<int, int, int, int, int, int, int, int> Settings() => new()
    {
        { 0, -128, 1, 1, 1, 3, 0, 0 },      // argmax
        { 0, 64, 3, 2, 1, 3, 60, 45 },      // every part on
        { 0, 100, 5, 4, 3, 0, 30, 10 },
        { 7, 0, 32, 1, 32, 8, 80, 80 },     // longest vote, slow envelope, no hysteresis gap
        { 0, 0, 2, 1, 1, 15, 100, 50 },     // slowest envelope (stays below its level here)
        { 255, 64, 4, 2, 2, 2, 60, 45 },    // no rest class: low scores hold, no envelope gate
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Kernel_equals_the_reference_rules_on_random_streams(int rest, int confidence, int vote, int enter, int leave, int shift, int on, int off)
    {
        var kernel = new GestureDecision(new GestureDecisionParameters(rest, confidence, vote, enter, leave, shift, on, off), Channels, Classes);
        var reference = new GestureDecisionReference(rest, confidence, vote, enter, leave, shift, on, off);
        var random = new Random(19);
        var frame = new short[Channels];
        int changes = 0, last = -1;
        for (int n = 0; n < 20_000; n++)
        {
            // Bursts of activity every ~1 s so that the envelope crosses its levels; sometimes full scale.
            int amplitude = (n / 200) % 2 == 0 ? 4 : (n % 997 == 0 ? 32768 : 40);
            for (int c = 0; c < Channels; c++)
            {
                frame[c] = (short)Math.Clamp(random.Next(-amplitude, amplitude + 1), short.MinValue, short.MaxValue);
            }

            kernel.PushFrame(frame, 0);
            reference.PushFrame(frame);
            if (n % Hop == 0)
            {
                // Mostly the class of the current 2 s segment, scored high; otherwise any class at any score.
                bool segment = random.Next(10) < 7;
                int modelClass = segment ? (n / 400) % Classes : random.Next(Classes);
                int score = segment ? random.Next(60, 128) : random.Next(-128, 128);
                int decided = kernel.Decide(modelClass, score);
                Assert.Equal(reference.Decide(modelClass, score), decided);
                changes += decided != last ? 1 : 0;
                last = decided;
            }
        }

        Assert.True(changes >= (shift == 15 ? 1 : 10), "the stream should exercise decision changes; got " + changes);
    }

    [Fact]
    public void Low_confidence_and_quiet_muscles_become_rest_and_hysteresis_delays_the_change()
    {
        var quiet = new short[Channels];
        var busy = new short[Channels];
        Array.Fill(busy, (short)20); // envelope 160 once settled
        var p = new GestureDecisionParameters(0, 64, 1, 2, 1, 0, 100, 50);
        var d = new GestureDecision(p, Channels, Classes);
        d.PushFrame(quiet, 0);
        Assert.Equal(0, d.Decide(3, 127)); // muscles at rest: a confident gesture is still rest
        d.PushFrame(busy, 0);
        Assert.True(d.Active);
        Assert.Equal(0, d.Decide(3, 10));  // active but not confident enough
        Assert.Equal(0, d.Decide(3, 127)); // first confident hop: hysteresis waits
        Assert.Equal(3, d.Decide(3, 127)); // second in a row: the output changes
        Assert.Equal(0, d.Decide(0, 127)); // back to rest after one hop (leave = 1)
        d.Reset();
        Assert.Equal(-1, d.Output);
        Assert.False(d.Active);
    }

    [Fact]
    public void Steady_state_allocates_nothing()
    {
        var d = new GestureDecision(new GestureDecisionParameters(0, 64, 5, 2, 1, 3, 60, 45), Channels, Classes);
        var frame = new short[] { 10, -20, 30, -40, 50, -60, 70, -80 };
        int k = 0;
        AllocationAssert.ZeroBytes(() =>
        {
            d.PushFrame(frame, 0);
            d.Decide(k++ % Classes, (k * 37 % 256) - 128);
        }, what: "GestureDecision");
    }

    [Fact]
    public void Section_round_trips_through_a_model_file_and_bad_values_name_their_field()
    {
        byte[] model = ExampleModels.RandomEmgCnn();
        int classes = ModelReader.Read(model).Tensors[ModelReader.Read(model).GraphOutput].Channels;
        var p = new GestureDecisionParameters(classes - 1, -3, 4, 2, 3, 5, 70, 40);
        byte[] with = GestureDecisionSection.With(model, p);
        GestureDecisionParameters read = ModelReader.Read(with).GestureDecision!;
        Assert.Equal(
            (p.RestClass, p.MinConfidence, p.VoteLength, p.EnterHops, p.LeaveHops, p.EnvelopeShift, p.EnvelopeOnLevel, p.EnvelopeOffLevel),
            (read.RestClass, read.MinConfidence, read.VoteLength, read.EnterHops, read.LeaveHops, read.EnvelopeShift, read.EnvelopeOnLevel, read.EnvelopeOffLevel));
        Assert.Null(ModelReader.Read(GestureDecisionSection.With(with, null)).GestureDecision);

        byte[] Patched(int at, byte value)
        {
            var sections = GestureDecisionSection.Sections(with);
            int i = sections.FindIndex(s => s.Type == ModelSectionType.GestureDecision);
            sections[i].Body[at] = value;
            return ModelFileBuilder.Container(sections);
        }

        Assert.Contains("gesture.rest_class", Assert.Throws<ModelFormatException>(() => ModelReader.Read(Patched(0, (byte)classes))).Message);
        Assert.Contains("gesture.vote_length", Assert.Throws<ModelFormatException>(() => ModelReader.Read(Patched(2, 0))).Message);
        Assert.Contains("gesture.envelope_shift", Assert.Throws<ModelFormatException>(() => ModelReader.Read(Patched(5, 16))).Message);
        Assert.Contains("gesture.envelope_off_level", Assert.Throws<ModelFormatException>(() => ModelReader.Read(Patched(12, 200))).Message);
    }
}
