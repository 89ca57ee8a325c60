namespace Wearable.Modeling.Typing;

/// <summary>
/// The keys the typing model recognises: a-z, space and backspace (written '⌫' when shown). Labels
/// 0..27; the CTC blank is the last class. emg2qwerty has 98 keys (case, digits, punctuation, enter,
/// shift); we keep the lower-case subset so a model trains on two cores in minutes.
/// </summary>
public static class TypingCharset
{
    public const char Backspace = '\b';

    public const int Space = 26;

    public const int BackspaceLabel = 27;

    /// <summary>Key labels plus the blank.</summary>
    public const int Classes = 29;

    public const int Blank = Classes - 1;

    public static int Label(char key) => key switch
    {
        >= 'a' and <= 'z' => key - 'a',
        ' ' => Space,
        Backspace => BackspaceLabel,
        _ => -1,
    };

    public static char Key(int label) => label switch
    {
        < 26 => (char)('a' + label),
        Space => ' ',
        BackspaceLabel => Backspace,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Not a key label."),
    };

    /// <summary>Keystrokes as text a person can read: backspace shown as '⌫'.</summary>
    public static string Show(string keys) => keys.Replace(Backspace, '⌫');

    /// <summary>The text the keystrokes leave on the screen (each backspace removes the previous character).</summary>
    public static string Apply(string keys)
    {
        var text = new System.Text.StringBuilder();
        foreach (char key in keys)
        {
            if (key == Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else
            {
                text.Append(key);
            }
        }

        return text.ToString();
    }
}
