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

    public static TheoryData<int, int, int, int, int, int, int, int, int> Settings() => new()
    {
        { 0, -128, 1, 1, 1, 3, 0, 0, 0 },      // argmax
        { 0, 64, 3, 2, 1, 3, 60, 45, 20 },     // every part on
        { 0, 100, 5, 4, 3, 0, 30, 10, 0 },
        { 7, 0, 32, 1, 32, 8, 80, 80, 128 },   // longest vote and refractory period, slow envelope, no hysteresis gap
        { 0, 0, 2, 1, 1, 15, 100, 50, 1 },     // slowest envelope (stays below its level here)
        { 0, -128, 1, 1, 1, 3, 0, 0, 40 },     // argmax with a refractory period only
        { 255, 64, 4, 2, 2, 2, 60, 45, 20 },   // no rest class: low scores hold, no envelope gate, nothing to be refractory to
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Kernel_equals_the_reference_rules_on_random_streams(int rest, int confidence, int vote, int enter, int leave, int shift, int on, int off, int refractory)
    {
        var kernel = new GestureDecision(new GestureDecisionParameters(rest, confidence, vote, enter, leave, shift, on, off, refractory), Channels, Classes);
        var reference = new GestureDecisionReference(rest, confidence, vote, enter, leave, shift, on, off, refractory);
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
        Assert.Equal(0, d.Output); // a reset device decides rest until a gesture wins its hops
        Assert.False(d.Active);
        d.PushFrame(busy, 0);
        Assert.Equal(0, d.Decide(3, 127)); // the very first hop does not fire a gesture either
        Assert.Equal(3, d.Decide(3, 127));
    }

    [Fact]
    public void After_a_gesture_ends_the_refractory_period_keeps_rest_then_gestures_fire_again()
    {
        var d = new GestureDecision(new GestureDecisionParameters(0, -128, 1, 1, 1, 0, 0, 0, 3), Channels, Classes);
        Assert.Equal(2, d.Decide(2, 127)); // enter after one hop
        Assert.Equal(0, d.Decide(0, 127)); // back to rest: the refractory period starts
        Assert.Equal(0, d.Decide(5, 127)); // the hand falling back to neutral: refused
        Assert.Equal(0, d.Decide(5, 127));
        Assert.Equal(0, d.Decide(5, 127)); // third and last refractory hop
        Assert.Equal(5, d.Decide(5, 127)); // a real new gesture fires
        Assert.Equal(4, d.Decide(4, 127)); // gesture to gesture is not a return to rest: no refractory period

        // With an envelope gate, rest while the muscles are still active is a dropout, not a release: no refractory period.
        var busy = new short[Channels];
        Array.Fill(busy, (short)20);
        var quiet = new short[Channels];
        var gated = new GestureDecision(new GestureDecisionParameters(0, 64, 1, 1, 1, 0, 100, 50, 3), Channels, Classes);
        gated.PushFrame(busy, 0);
        Assert.Equal(2, gated.Decide(2, 127));
        Assert.Equal(0, gated.Decide(2, 0));   // a low-confidence hop mid-gesture
        Assert.Equal(2, gated.Decide(2, 127)); // straight back
        gated.PushFrame(quiet, 0);             // released: the envelope falls below its off level
        Assert.Equal(0, gated.Decide(2, 127));
        gated.PushFrame(busy, 0);
        Assert.Equal(0, gated.Decide(5, 127)); // refractory
    }

    [Fact]
    public void Steady_state_allocates_nothing()
    {
        var d = new GestureDecision(new GestureDecisionParameters(0, 64, 5, 2, 1, 3, 60, 45), Channels, Classes);
        var refractory = new GestureDecision(new GestureDecisionParameters(0, 64, 1, 1, 1, 3, 0, 0, 3), Channels, Classes); // no gate: every return to rest starts the period
        var frame = new short[] { 10, -20, 30, -40, 50, -60, 70, -80 };
        int k = 0;
        AllocationAssert.ZeroBytes(() =>
        {
            d.PushFrame(frame, 0);
            int score = (k * 37 % 256) - 128;
            d.Decide(k % Classes, score);
            refractory.PushFrame(frame, 0);
            refractory.Decide(k % Classes, score);
            k++;
        }, what: "GestureDecision");
    }

    [Fact]
    public void Section_round_trips_through_a_model_file_and_bad_values_name_their_field()
    {
        byte[] model = ExampleModels.RandomEmgCnn();
        int classes = ModelReader.Read(model).Tensors[ModelReader.Read(model).GraphOutput].Channels;
        var p = new GestureDecisionParameters(classes - 1, -3, 4, 2, 3, 5, 70, 40, 33);
        byte[] with = GestureDecisionSection.With(model, p);
        GestureDecisionParameters read = ModelReader.Read(with).GestureDecision!;
        Assert.Equal(
            (p.RestClass, p.MinConfidence, p.VoteLength, p.EnterHops, p.LeaveHops, p.EnvelopeShift, p.EnvelopeOnLevel, p.EnvelopeOffLevel, p.RefractoryHops),
            (read.RestClass, read.MinConfidence, read.VoteLength, read.EnterHops, read.LeaveHops, read.EnvelopeShift, read.EnvelopeOnLevel, read.EnvelopeOffLevel, read.RefractoryHops));
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
        Assert.Contains("gesture.refractory_hops", Assert.Throws<ModelFormatException>(() => ModelReader.Read(Patched(6, 129))).Message);
        Assert.Contains("gesture.reserved", Assert.Throws<ModelFormatException>(() => ModelReader.Read(Patched(7, 1))).Message);
        Assert.Contains("gesture.envelope_off_level", Assert.Throws<ModelFormatException>(() => ModelReader.Read(Patched(12, 200))).Message);
    }
}
