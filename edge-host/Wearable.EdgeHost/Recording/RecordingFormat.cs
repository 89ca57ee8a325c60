namespace Wearable.EdgeHost.Recording;

/// <summary>Which format a recording path asks for: .edf writes EDF+ (16-bit), .bdf writes BDF+ (24-bit); nothing else is guessed.</summary>
public static class RecordingFormat
{
    /// <summary>The variant for <paramref name="path"/>'s extension; throws <see cref="ArgumentException"/> naming the extensions it knows.</summary>
    public static EdfVariant FromPath(string path)
    {
        string extension = Path.GetExtension(path);
        if (extension.Equals(".edf", StringComparison.OrdinalIgnoreCase))
        {
            return EdfVariant.Edf;
        }

        if (extension.Equals(".bdf", StringComparison.OrdinalIgnoreCase))
        {
            return EdfVariant.Bdf;
        }

        throw new ArgumentException("Cannot tell the recording format from '" + path + "': end the file name in .edf (EDF+, 16-bit) or .bdf (BDF+, 24-bit).");
    }
}
