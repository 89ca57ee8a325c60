namespace Wearable.Modeling.Datasets;

/// <summary>
/// A recording file that does not follow its format. Says which file, and where (1-based line and
/// column for text formats, byte offset for binary ones), so the user can open it and look.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string path, string problem, int line = 0, int column = 0, long byteOffset = -1)
        : base(Describe(path, problem, line, column, byteOffset))
    {
        Path = path;
        Problem = problem;
        Line = line;
        Column = column;
        ByteOffset = byteOffset;
    }

    public string Path { get; }

    public string Problem { get; }

    /// <summary>1-based line, or 0 when not a text position.</summary>
    public int Line { get; }

    /// <summary>1-based column (field number for CSV), or 0 when unknown.</summary>
    public int Column { get; }

    public long ByteOffset { get; }

    private static string Describe(string path, string problem, int line, int column, long byteOffset)
    {
        string where = path;
        if (line > 0)
        {
            where += ":" + line + (column > 0 ? ":" + column : string.Empty);
        }
        else if (byteOffset >= 0)
        {
            where += " at byte " + byteOffset;
        }

        return where + ": " + problem;
    }
}
