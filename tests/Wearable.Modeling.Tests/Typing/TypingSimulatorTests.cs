using Wearable.Modeling.Typing;

namespace Wearable.Modeling.Tests.Typing;

public sealed class TypingSimulatorTests
{
    private static readonly string[] Words = ["the", "cat", "sat", "on", "mat", "dog", "ran", "far", "away", "home", "quick", "brown"];
    private static readonly TypingCorpus Corpus = new(Words);

    [Fact]
    public void The_same_seed_gives_the_same_session_and_another_user_a_different_one()
    {
        var simulator = new TypingSemgSimulator(Corpus, 5);
        var a = simulator.Session(new TypingUser(5, 0), 0, 4);
        var b = simulator.Session(new TypingUser(5, 0), 0, 4);
        var other = simulator.Session(new TypingUser(5, 1), 0, 4);

        Assert.Equal(a.Samples, b.Samples);
        Assert.Equal(a.KeyText, b.KeyText);
        Assert.NotEqual(a.Samples, other.Samples);
        Assert.Equal(2 * 16, a.Channels);
        Assert.Equal(4 * 2000, a.Frames);
    }

    [Fact]
    public void Key_presses_raise_power_on_the_pressing_hand_and_typing_speed_is_human()
    {
        var session = new TypingSemgSimulator(Corpus, 3).Session(new TypingUser(3, 2), 0, 20);
        var features = TypingFeatures.Compute(session.Samples, session.Channels);
        int perFrame = TypingFeatures.Count(session.Channels);
        int frames = features.Length / perFrame;
        double during = 0, quiet = 0;
        int pressed = 0, idle = 0;
        foreach (var stroke in session.Keystrokes)
        {
            int hand = KeyboardLayout.Place(stroke.Key).Hand;
            int at = (int)((stroke.PressSample - TypingFeatures.Window) / TypingFeatures.Hop) + 2;
            for (int c = hand * 16; c < (hand + 1) * 16; c++)
            {
                during += features[(at * perFrame) + (c * 2)];
            }

            pressed += 16;
        }

        for (int f = 0; f < frames; f++)
        {
            long sample = TypingFeatures.FrameEnd(f);
            if (session.Keystrokes.Any(k => Math.Abs(k.PressSample - sample) < 800))
            {
                continue;
            }

            for (int c = 0; c < 32; c++)
            {
                quiet += features[(f * perFrame) + (c * 2)];
            }

            idle += 32;
        }

        double keysPerSecond = session.Keystrokes.Count / 20.0;
        Assert.True(idle > 3200, "too little idle time: " + idle);
        Assert.True((during / pressed) > (quiet / idle) + 1, $"mean log power during presses {during / pressed:F2} vs idle {quiet / idle:F2}");
        Assert.InRange(keysPerSecond, 1.5, 7.5);
    }

    [Fact]
    public void Slips_are_corrected_with_backspace_so_the_screen_shows_the_prompt_words()
    {
        var simulator = new TypingSemgSimulator(Corpus, 8);
        var sessions = Enumerable.Range(0, 6).Select(u => simulator.Session(new TypingUser(8, u), 0, 30).KeyText).ToList();

        Assert.Contains(sessions, keys => keys.Contains(TypingCharset.Backspace));
        foreach (string keys in sessions)
        {
            string[] words = TypingCharset.Apply(keys).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (string word in words[..^1]) // the last word may be cut off by the session's end
            {
                Assert.Contains(word, Words);
            }
        }
    }
}
