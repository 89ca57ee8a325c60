using System.Globalization;
using System.Text.Json;

namespace Wearable.EdgeHost.Recording;

/// <summary>
/// A cued recording session (LibEMG's guided training screen in a file): a short unlabelled lead-in,
/// then <see cref="Steps"/> repeated <see cref="Repetitions"/> times. JSON:
/// <c>{ "leadIn": 2, "repetitions": 5, "steps": [ { "label": "rest", "seconds": 3 }, { "label": "fist", "seconds": 3 } ] }</c>.
/// </summary>
public sealed class CueProtocol
{
    public CueProtocol(IReadOnlyList<CueStep> steps, int repetitions, double leadInSeconds = 0)
    {
        if (steps is null || steps.Count == 0)
        {
            throw new ArgumentException("A protocol needs at least one step (\"steps\": [{ \"label\": \"rest\", \"seconds\": 3 }]).", nameof(steps));
        }

        for (int i = 0; i < steps.Count; i++)
        {
            CueStep step = steps[i];
            MarkerText.Check(step.Label ?? string.Empty, step.Seconds);
            if (!(step.Seconds > 0) || step.Seconds > 3600)
            {
                throw new ArgumentException("Step " + (i + 1) + " ('" + step.Label + "') lasts " + step.Seconds.ToString(CultureInfo.InvariantCulture) + " s; a step lasts more than 0 and at most 3600 seconds.", nameof(steps));
            }
        }

        if (repetitions < 1 || repetitions > 1000)
        {
            throw new ArgumentException("\"repetitions\" is " + repetitions + "; use 1 to 1000.", nameof(repetitions));
        }

        if (!(leadInSeconds >= 0) || leadInSeconds > 600)
        {
            throw new ArgumentException("\"leadIn\" is " + leadInSeconds.ToString(CultureInfo.InvariantCulture) + " s; use 0 to 600.", nameof(leadInSeconds));
        }

        Steps = steps;
        Repetitions = repetitions;
        LeadInSeconds = leadInSeconds;
    }

    public IReadOnlyList<CueStep> Steps { get; }

    public int Repetitions { get; }

    /// <summary>Seconds before the first cue (the person gets ready; nothing is labelled).</summary>
    public double LeadInSeconds { get; }

    /// <summary>The distinct labels in order of first appearance: the classes this protocol records.</summary>
    public IReadOnlyList<string> Labels => Steps.Select(s => s.Label).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Lead-in plus every repetition of every step.</summary>
    public double TotalSeconds => LeadInSeconds + (Repetitions * Steps.Sum(s => s.Seconds));

    /// <summary>Every cue in order with its onset in seconds from the start of the recording.</summary>
    public IReadOnlyList<ScheduledCue> Schedule()
    {
        var cues = new List<ScheduledCue>();
        double onset = LeadInSeconds;
        for (int r = 0; r < Repetitions; r++)
        {
            foreach (CueStep step in Steps)
            {
                cues.Add(new ScheduledCue(cues.Count, r + 1, step.Label, onset, step.Seconds));
                onset += step.Seconds;
            }
        }

        return cues;
    }

    /// <summary>Reads a protocol file; a malformed one is an <see cref="ArgumentException"/> that names the file and the problem.</summary>
    public static CueProtocol Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException("Cannot read protocol " + path + ": " + ex.Message, nameof(path), ex);
        }

        try
        {
            return Parse(text);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("Protocol " + path + ": " + ex.Message.Split(" (Parameter")[0], nameof(path), ex);
        }
    }

    public static CueProtocol Parse(string json)
    {
        ProtocolDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<ProtocolDocument>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true, AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("not valid protocol JSON (" + ex.Message.Split(" Path:")[0] + "); expected { \"repetitions\": 3, \"steps\": [{ \"label\": \"rest\", \"seconds\": 3 }] }.", nameof(json), ex);
        }

        if (doc?.Steps is null)
        {
            throw new ArgumentException("no \"steps\" list; expected { \"repetitions\": 3, \"steps\": [{ \"label\": \"rest\", \"seconds\": 3 }] }.", nameof(json));
        }

        return new CueProtocol(doc.Steps.Select(s => new CueStep(s.Label ?? string.Empty, s.Seconds)).ToList(), doc.Repetitions ?? 1, doc.LeadIn ?? 0);
    }

    private sealed class ProtocolDocument
    {
        public int? Repetitions { get; set; }

        public double? LeadIn { get; set; }

        public List<StepDocument>? Steps { get; set; }
    }

    private sealed class StepDocument
    {
        public string? Label { get; set; }

        public double Seconds { get; set; }
    }
}
