using Wearable.EdgeHost.Recording;

namespace Wearable.Cli.Tests;

/// <summary>`wearable demo` end to end against the virtual device over a pty, with no terminal.</summary>
public class DemoCommandTests
{
    [Fact]
    public void Demo_streams_real_semg_records_edf_and_prints_its_summary()
    {
        string path = Path.Combine(Path.GetTempPath(), "wearable-demo-test-" + Guid.NewGuid().ToString("N") + ".edf");
        try
        {
            var result = CliRunner.Run("demo", "--seconds", "2", "--out", path);
            Assert.True(result.ExitCode == 0, result.Error + result.Out);
            Assert.Contains("paired and authenticated", result.Out);
            Assert.Contains("summary: ", result.Out);
            Assert.Contains("0 blocks lost", result.Out);
            Assert.Contains("recorded ", result.Out);
            Assert.Contains(path, result.Out);

            using EdfReader reader = EdfReader.Open(path);
            Assert.Equal(8, reader.Header.Signals.Count(s => !s.IsAnnotation));
            Assert.Equal(200, reader.SampleRate(0));
            Assert.True(reader.RecordCount >= 1);
            Assert.Contains(reader.ReadDigital(0), v => v != 0); // real sEMG, not silence
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void With_a_matching_model_in_models_the_device_recognises_and_the_recording_carries_its_decisions()
    {
        string work = Directory.CreateTempSubdirectory("wearable-demo-model").FullName;
        string previous = Environment.CurrentDirectory;
        Directory.CreateDirectory(Path.Combine(work, "models"));
        File.Copy(TestSupport.RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl"), Path.Combine(work, "models", "demo.wmdl"));
        string path = Path.Combine(work, "demo.edf");
        try
        {
            Environment.CurrentDirectory = work;
            var result = CliRunner.Run("demo", "--seconds", "2", "--source", "synthetic", "--out", path, "--json");

            Assert.True(result.ExitCode == 0, result.Error + result.Out);
            var json = result.Json();
            Assert.True(json.GetProperty("recognisedOnDevice").GetBoolean());
            Assert.Equal("demo.wmdl", json.GetProperty("model").GetString());
            Assert.True(json.GetProperty("inferenceEvents").GetInt64() > 5, result.Out);
            Assert.Contains("gesture: ", result.Error);
            using EdfReader reader = EdfReader.Open(path);
            Assert.NotEmpty(reader.ReadAnnotations());
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Demo_json_summary_has_the_counts_latency_and_file()
    {
        string path = Path.Combine(Path.GetTempPath(), "wearable-demo-test-" + Guid.NewGuid().ToString("N") + ".edf");
        try
        {
            var result = CliRunner.Run("demo", "--seconds", "1", "--source", "synthetic", "--out", path, "--json");
            Assert.True(result.ExitCode == 0, result.Error);
            var json = result.Json();
            Assert.Equal("synthetic", json.GetProperty("source").GetString());
            Assert.True(json.GetProperty("samples").GetInt64() > 0);
            Assert.Equal(0, json.GetProperty("lostBlocks").GetInt64());
            Assert.True(json.GetProperty("latencyMs").TryGetProperty("p99", out _));
            Assert.Equal(path, json.GetProperty("file").GetString());
            Assert.True(File.Exists(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Demo_typing_streams_two_bands_from_the_virtual_device_and_the_host_decodes_text()
    {
        string work = Directory.CreateTempSubdirectory("wearable-demo-typing").FullName;
        string previous = Environment.CurrentDirectory;
        try
        {
            // An untrained model: this checks the path (device -> link -> host features, network, LM beam search), not the CER.
            var model = new Wearable.Modeling.Typing.TypingModel(64, 8);
            model.Initialize(5);
            Directory.CreateDirectory(Path.Combine(work, "models"));
            model.Save(Path.Combine(work, "models", "typing-default.json")); // models/ beside the working directory wins over the shipped one
            Environment.CurrentDirectory = work;
            var result = CliRunner.Run("demo", "--typing", "--seconds", "2", "--json");

            Assert.True(result.ExitCode == 0, result.Error + result.Out);
            var json = result.Json();
            Assert.True(json.GetProperty("keys").GetInt32() > 0, result.Out);
            Assert.True(json.GetProperty("seconds").GetDouble() > 1, result.Out); // 2 kHz x 32 ch reached the decoder
            Assert.Contains("held-out synthetic user", result.Error);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Demo_typing_on_a_fresh_clone_uses_the_shipped_model_and_decodes_text()
    {
        string work = Directory.CreateTempSubdirectory("wearable-demo-typing").FullName;
        string previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = work; // no model here: the repository's models/typing-default.json is found from the CLI
            var result = CliRunner.Run("demo", "--typing", "--seconds", "3", "--json");

            Assert.True(result.ExitCode == 0, result.Error + result.Out);
            var json = result.Json();
            Assert.True(json.GetProperty("keys").GetInt32() > 0, result.Out);
            Assert.True(json.GetProperty("recognised").GetString()!.Length > 0, result.Out); // a trained model shows text
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void A_missing_source_file_is_a_one_line_error_with_a_hint()
    {
        var result = CliRunner.Run("demo", "--source", "/nonexistent/x.dat");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error);
        Assert.Contains("hint:", result.Error);
    }

    [Fact]
    public void Muse_demo_the_ear_eeg_device_detects_the_cued_flicker_above_chance()
    {
        string path = Path.Combine(Path.GetTempPath(), "wearable-demo-muse-" + Guid.NewGuid().ToString("N") + ".edf");
        try
        {
            var result = CliRunner.Run("demo", "--source", "muse", "--seconds", "10", "--out", path, "--json");
            Assert.True(result.ExitCode == 0, result.Error + result.Out);
            var json = result.Json();
            Assert.Equal("muse-subject3-session1-ssvep-30s.csv", json.GetProperty("source").GetString());
            Assert.Equal(256, json.GetProperty("sampleRate").GetInt32());
            Assert.Equal(10, json.GetProperty("seconds").GetDouble());
            Assert.True(json.GetProperty("cues").GetInt32() >= 2, result.Out);
            int matched = json.GetProperty("matched").GetInt32();
            int wrong = json.GetProperty("wrongTarget").GetInt32();
            Assert.True(matched > 2 * wrong && json.GetProperty("accuracy").GetDouble() > json.GetProperty("chance").GetDouble(), result.Out);
            Assert.True(json.GetProperty("cuesDetected").GetInt32() > 0, result.Out);
            Assert.Contains("cue -> ", result.Error);
            Assert.Contains("detected ", result.Error);
            using EdfReader reader = EdfReader.Open(path);
            Assert.Equal(256, reader.SampleRate(0));
            Assert.Contains(reader.ReadAnnotations(), a => a.Text.StartsWith("cue ", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Muse_demo_refuses_the_semg_only_options_with_a_hint()
    {
        var result = CliRunner.Run("demo", "--source", "muse", "--afe");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains("hint: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
