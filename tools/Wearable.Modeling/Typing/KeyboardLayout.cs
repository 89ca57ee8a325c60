namespace Wearable.Modeling.Typing;

/// <summary>Touch-typing finger assignment on QWERTY: which hand and finger presses a key, and its row.</summary>
public static class KeyboardLayout
{
    public const int Thumb = 0;
    public const int Index = 1;
    public const int Middle = 2;
    public const int Ring = 3;
    public const int Pinky = 4;

    private static readonly string[] Rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    /// <summary>Hand (0 left, 1 right), finger (thumb..pinky), row (0 top, 1 home, 2 bottom, 3 thumb row) and whether the index finger reaches inwards.</summary>
    public static (int Hand, int Finger, int Row, bool Inner) Place(char key)
    {
        if (key == ' ')
        {
            return (1, Thumb, 3, false);
        }

        if (key == TypingCharset.Backspace)
        {
            return (1, Pinky, -1, true); // a long reach up and right
        }

        for (int row = 0; row < Rows.Length; row++)
        {
            int column = Rows[row].IndexOf(key);
            if (column < 0)
            {
                continue;
            }

            return column switch
            {
                0 => (0, Pinky, row, false),
                1 => (0, Ring, row, false),
                2 => (0, Middle, row, false),
                3 => (0, Index, row, false),
                4 => (0, Index, row, true),
                5 => (1, Index, row, true),
                6 => (1, Index, row, false),
                7 => (1, Middle, row, false),
                8 => (1, Ring, row, false),
                _ => (1, Pinky, row, false),
            };
        }

        throw new ArgumentOutOfRangeException(nameof(key), key, "Not a key of the typing charset.");
    }

    /// <summary>Keys next to <paramref name="key"/> on the same row (what a slip presses instead).</summary>
    public static string Neighbours(char key)
    {
        foreach (string row in Rows)
        {
            int column = row.IndexOf(key);
            if (column >= 0)
            {
                return (column > 0 ? row[column - 1].ToString() : string.Empty) + (column < row.Length - 1 ? row[column + 1].ToString() : string.Empty);
            }
        }

        return string.Empty;
    }
}
