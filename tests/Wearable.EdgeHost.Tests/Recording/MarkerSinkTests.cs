using Wearable.EdgeHost.Recording;
using Wearable.EdgeHost.Sessions;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>
/// The marker API a keyboard, a cued protocol or the browser view calls during a recording (issue 20 item 1):
/// markers land at the recording's current end, cues keep their duration, there is no cap, bad text is refused.
/// </summary>
public sealed class MarkerSinkTests : IDisposable
{
    private const int Rate = 100;
    private const int BlockSamples = 50;
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static SampleBlock Block(uint sequence)
    {
        var counts = new short[BlockSamples];
        return new SampleBlock(StreamKind.Raw, sequence, 1, BlockSamples, counts, 0.5, 1_000_000 + (sequence * BlockSamples * 10_000L), 0, 0);
    }

    [Fact]
    public void Markers_land_at_the_current_end_with_their_duration_and_none_is_dropped()
    {
        string path = _files.Path("markers.edf");
        var board = new BoardDescription("test", Rate, ["EXG1"], 0.5);
        var recording = new StreamRecording(EdfWriter.Create(path, SessionRecorder.Options(board, EdfVariant.Edf)), 1, Rate, Rate);
        recording.Append(Block(0));
        recording.Append(Block(1));
        recording.Append(Block(2));
        EdfAnnotation cue = recording.AddMarker("cue fist", 3.0);
        Assert.Equal(1.5, cue.Onset, 9);

        // Far more markers than one record's 1024 annotation bytes hold: the writer widens, nothing is lost.
        for (int i = 0; i < 300; i++)
        {
            recording.AddMarker("key " + i, null);
        }

        recording.Append(Block(3));
        recording.Finish();

        using var reader = EdfReader.Open(path);
        IReadOnlyList<EdfAnnotation> annotations = reader.ReadAnnotations();
        EdfAnnotation read = Assert.Single(annotations, a => a.Text == "cue fist");
        Assert.Equal(1.5, read.Onset, 6);
        Assert.Equal(3.0, read.Duration!.Value, 6);
        Assert.Equal(300, annotations.Count(a => a.Text.StartsWith("key ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    [InlineData("tal\u0014separator")]
    public void A_marker_text_that_would_break_the_file_is_refused_with_a_reason(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => MarkerText.Check(text, null));
        Assert.Contains("marker", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_negative_duration_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MarkerText.Check("fist", -1));
        Assert.Throws<ArgumentException>(() => MarkerText.Check(new string('x', MarkerText.MaximumLength + 1), null));
    }
}
