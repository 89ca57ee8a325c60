using Wearable.EdgeHost.Recording;
using Wearable.Modeling.Typing;

namespace Wearable.Cli.Tests;

/// <summary><c>typing eval --data</c>: real sessions (here our own EDF+ typing recording) through the shipped model.</summary>
public sealed class TypingDataCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wearable-typing-data-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A held-out synthetic user's session written as a typing recording would be: 32 signals at 2 kHz in uV, a 'key k' annotation per press.</summary>
    private TypingSession WriteRecording(string name, double seconds)
    {
        var session = new TypingSemgSimulator(TypingCorpus.LoadDefault(), 1).Session(new TypingUser(1, 1000), 0, seconds);
        const int rate = 2000;
        var options = new EdfWriterOptions
        {
            Variant = EdfVariant.Edf,
            Annotations = true,
            Signals = Enumerable.Range(0, 32).Select(c => EdfSignal.Data("EMG" + c, rate, -8192, 8191.75, -32768, 32767)).ToArray(),
            RecordDuration = 1.0,
            StartTime = new DateTime(2026, 12, 5, 12, 0, 0),
        };
        using var writer = EdfWriter.Create(Path.Combine(_folder, name), options);
        foreach (var key in session.Keystrokes)
        {
            writer.AddAnnotation(key.PressSample / (double)rate, (key.ReleaseSample - key.PressSample) / (double)rate, TypingRecordingFile.Annotation(key.Key));
        }

        for (int record = 0; record < (int)seconds; record++)
        {
            var data = new short[32][];
            for (int c = 0; c < 32; c++)
            {
                data[c] = new short[rate];
                for (int n = 0; n < rate; n++)
                {
                    data[c][n] = (short)Math.Clamp(Math.Round(session.Samples[(((record * rate) + n) * 32) + c] * 4), short.MinValue, short.MaxValue);
                }
            }

            writer.WriteRecord(data);
        }

        return session;
    }

    [Fact]
    public void Eval_on_a_folder_of_typing_recordings_scores_their_keys_with_the_shipped_model()
    {
        var session = WriteRecording("alice-typing.edf", 10);

        var result = CliRunner.Run("typing", "eval", "--data", _folder, "--json");

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var json = result.Json();
        Assert.Equal(1, json.GetProperty("sessions").GetInt32());
        Assert.Equal(session.Keystrokes.Count, json.GetProperty("keys").GetInt32());
        // The shipped model on a held-out user's typing, through EDF and back: far better than chance.
        Assert.True(json.GetProperty("cerWithLm").GetDouble() < 60, result.Out);
    }

    [Fact]
    public void A_broken_session_file_is_one_error_line_naming_it()
    {
        string broken = Path.Combine(_folder, "session.hdf5");
        File.WriteAllBytes(broken, [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2]);

        var result = CliRunner.Run("typing", "eval", "--data", _folder);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains(broken, result.Error.Split('\n')[0]);
        Assert.Contains("hint: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
