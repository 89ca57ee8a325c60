namespace Wearable.EdgeHost.Recording;

/// <summary>
/// An EDF/BDF file breaks the format rules. The message names the field, its byte offset and what is
/// wrong, so a user can open the file in a hex editor and see it; programs get the same facts as properties.
/// </summary>
public sealed class EdfFormatException : Exception
{
    public EdfFormatException(string message, string? field = null, long? byteOffset = null, string? hint = null)
        : base(message)
    {
        Field = field;
        ByteOffset = byteOffset;
        Hint = hint;
    }

    /// <summary>The header field's name as the EDF specification spells it, when one field is at fault.</summary>
    public string? Field { get; }

    /// <summary>Byte offset in the file where the offending field or data starts.</summary>
    public long? ByteOffset { get; }

    /// <summary>What the user can do about it, when there is something to do.</summary>
    public string? Hint { get; }
}
