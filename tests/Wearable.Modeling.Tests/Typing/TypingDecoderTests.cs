using Wearable.Modeling.Typing;

namespace Wearable.Modeling.Tests.Typing;

public sealed class TypingDecoderTests
{
    private static readonly CharacterLanguageModel Lm = new(string.Concat(Enumerable.Repeat("the cat sat on the mat ", 50)), 4);

    [Fact]
    public void Greedy_collapses_repeats_and_drops_blanks()
    {
        float[] logits = Frames([TypingCharset.Label('c'), TypingCharset.Label('c'), TypingCharset.Blank, TypingCharset.Label('a'), TypingCharset.Blank, TypingCharset.Label('a')], 5f);
        Assert.Equal("caa", CtcGreedyDecoder.Decode(logits, TypingCharset.Classes));
    }

    [Fact]
    public void The_language_model_corrects_an_ambiguous_key_that_greedy_gets_wrong()
    {
        // The middle key is slightly more 'x' than 'a' acoustically; the LM knows "cat".
        float[] logits = Frames([TypingCharset.Label('c'), TypingCharset.Blank, -1, TypingCharset.Blank, TypingCharset.Label('t'), TypingCharset.Blank], 6f);
        logits[(2 * TypingCharset.Classes) + TypingCharset.Label('x')] = 3.2f;
        logits[(2 * TypingCharset.Classes) + TypingCharset.Label('a')] = 3.0f;

        var withLm = new CtcBeamSearchDecoder(Lm, new BeamSearchOptions());
        withLm.Push(logits, 6);
        var without = new CtcBeamSearchDecoder(null, new BeamSearchOptions { InsertionBonus = 0 });
        without.Push(logits, 6);

        Assert.Equal("cxt", CtcGreedyDecoder.Decode(logits, TypingCharset.Classes));
        Assert.Equal("cxt", without.Best);
        Assert.Equal("cat", withLm.Best);
    }

    [Fact]
    public void Streaming_in_chunks_gives_the_same_result_as_one_push()
    {
        float[] logits = Frames([TypingCharset.Label('t'), TypingCharset.Blank, TypingCharset.Label('h'), TypingCharset.Label('e'), TypingCharset.Blank, TypingCharset.Label(' '), TypingCharset.Label('c')], 4f);
        var whole = new CtcBeamSearchDecoder(Lm, new BeamSearchOptions());
        whole.Push(logits, 7);
        var chunked = new CtcBeamSearchDecoder(Lm, new BeamSearchOptions());
        chunked.Push(logits[..(3 * TypingCharset.Classes)], 3);
        chunked.Push(logits[(3 * TypingCharset.Classes)..], 4);

        Assert.Equal(whole.Best, chunked.Best);
        Assert.Equal("the c", whole.Best);
    }

    [Fact]
    public void A_backspace_undoes_the_language_model_score_of_the_key_it_removes()
    {
        // "c z ⌫ a t" leaves "cat" on screen; the LM must score the result like "cat", not like "czat".
        var corrected = new CtcBeamSearchDecoder(Lm, new BeamSearchOptions { InsertionBonus = 0 });
        corrected.Push(Frames([TypingCharset.Label('c'), TypingCharset.Label('z'), TypingCharset.BackspaceLabel, TypingCharset.Label('a'), TypingCharset.Label('t')], 12f), 5);

        Assert.Equal("cz\bat", corrected.Best);
        Assert.Equal("cat", TypingCharset.Apply(corrected.Best));
    }

    [Fact]
    public void A_slip_and_its_backspace_are_not_inserted_for_free_where_the_model_is_unsure()
    {
        // A weak 'q' then a weak backspace between "ca" and "t": without a price on corrections the
        // pair earns two insertion bonuses and costs the LM nothing (the backspace refunds the 'q').
        float[] logits = Frames([TypingCharset.Label('c'), TypingCharset.Label('a'), TypingCharset.Blank, TypingCharset.Blank, TypingCharset.Label('t')], 8f);
        logits[(2 * TypingCharset.Classes) + TypingCharset.Label('q')] = 6f;
        logits[(3 * TypingCharset.Classes) + TypingCharset.BackspaceLabel] = 6f;

        var free = new CtcBeamSearchDecoder(Lm, new BeamSearchOptions { InsertionBonus = 3, BackspaceLogProbability = 0 });
        free.Push(logits, 5);
        var priced = new CtcBeamSearchDecoder(Lm, new BeamSearchOptions { InsertionBonus = 3 });
        priced.Push(logits, 5);

        Assert.Equal("caq\bt", free.Best);
        Assert.Equal("cat", priced.Best);
    }

    [Fact]
    public void The_language_model_prefers_text_it_has_seen()
    {
        Assert.True(Lm.LogProbability("the c", 'a') > Lm.LogProbability("the c", 'q'));
        Assert.True(Lm.BitsPerCharacter("the cat sat") < Lm.BitsPerCharacter("qzx vjk wpf"));
    }

    [Fact]
    public void Character_error_rate_counts_edits_over_reference_length()
    {
        Assert.Equal(2, CharacterErrorRate.EditDistance("kitten", "sitting") - 1);
        Assert.Equal(50.0, CharacterErrorRate.Percent([("abcd", "abxx")]));
    }

    private static float[] Frames(int[] labels, float confidence)
    {
        var logits = new float[labels.Length * TypingCharset.Classes];
        for (int t = 0; t < labels.Length; t++)
        {
            if (labels[t] >= 0)
            {
                logits[(t * TypingCharset.Classes) + labels[t]] = confidence;
            }
        }

        return logits;
    }
}
