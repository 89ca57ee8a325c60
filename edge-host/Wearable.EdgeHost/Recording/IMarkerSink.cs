namespace Wearable.EdgeHost.Recording;

/// <summary>
/// Where a marker goes while a recording runs: a keyboard key, a protocol's cue or a browser's "marker"
/// button calls <see cref="AddMarker"/> and the text becomes an EDF+ annotation at the recording's
/// current end. No cap: every marker reaches the file (the writer widens the annotation signal at close
/// if a record had too little room). Implementations are thread-safe.
/// </summary>
public interface IMarkerSink
{
    /// <summary>
    /// Writes <paramref name="text"/> as an annotation at the current end of the recording, spanning
    /// <paramref name="durationSeconds"/> when given (a cue's length), and returns it with its onset in
    /// seconds from the file's start. Text must be printable (no control characters); an empty or invalid
    /// text is refused with an <see cref="ArgumentException"/> saying why. After the recording stopped the
    /// marker is refused with an <see cref="InvalidOperationException"/>.
    /// </summary>
    EdfAnnotation AddMarker(string text, double? durationSeconds = null);
}
