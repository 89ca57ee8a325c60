namespace Wearable.EdgeHost.Recording;

/// <summary>
/// The rules a marker's text and duration follow, checked before anything reaches the writer so a bad
/// key press or web request gets a sentence instead of a broken TAL.
/// </summary>
public static class MarkerText
{
    /// <summary>Longest marker text in characters: long enough for a sentence, short enough for one record's annotation bytes.</summary>
    public const int MaximumLength = 200;

    /// <summary>Throws an <see cref="ArgumentException"/> naming what is wrong with a marker.</summary>
    public static void Check(string text, double? durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Length == 0)
        {
            throw new ArgumentException("A marker needs a text (e.g. 'fist' or 'blink').", nameof(text));
        }

        if (text.Length > MaximumLength)
        {
            throw new ArgumentException("A marker text has at most " + MaximumLength + " characters, got " + text.Length + ".", nameof(text));
        }

        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("A marker text must not contain control characters (found U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + ").", nameof(text));
            }
        }

        if (durationSeconds is { } d && !(d >= 0 && double.IsFinite(d)))
        {
            throw new ArgumentException("A marker's duration must be a finite number of seconds >= 0, got " + d + ".", nameof(durationSeconds));
        }
    }
}
