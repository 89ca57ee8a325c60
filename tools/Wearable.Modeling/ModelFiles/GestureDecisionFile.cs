using System.Text.Json;
using Wearable.Kernels.Gesture;

namespace Wearable.Modeling.ModelFiles;

/// <summary>The gesture_decision values as JSON (what `eval --json` prints per participant and `model decision` reads); refractoryHops may be left out (0).</summary>
public sealed record GestureDecisionValues(
    int RestClass, int MinConfidence, int VoteLength, int EnterHops, int LeaveHops, int EnvelopeShift, int EnvelopeOnLevel, int EnvelopeOffLevel, int RefractoryHops = 0);

/// <summary>
/// Reads and writes gesture_decision parameters as a small JSON file, so a setting tuned on the host
/// (printed by `wearable eval --json`) can be written into a user's own model file by `wearable model decision`.
/// </summary>
public static class GestureDecisionFile
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
    };

    public static GestureDecisionValues ToJson(GestureDecisionParameters p) =>
        new(p.RestClass, p.MinConfidence, p.VoteLength, p.EnterHops, p.LeaveHops, p.EnvelopeShift, p.EnvelopeOnLevel, p.EnvelopeOffLevel, p.RefractoryHops);

    public static string Serialize(GestureDecisionParameters p) => JsonSerializer.Serialize(ToJson(p), s_options);

    /// <summary>The parameters in <paramref name="json"/>; a <see cref="FormatException"/> saying what is wrong otherwise.</summary>
    public static GestureDecisionParameters Parse(string json)
    {
        GestureDecisionValues? v;
        try
        {
            v = JsonSerializer.Deserialize<GestureDecisionValues>(json, s_options);
        }
        catch (JsonException ex)
        {
            throw new FormatException("not a gesture_decision JSON object (" + ex.Message + ")");
        }

        if (v is null)
        {
            throw new FormatException("empty gesture_decision JSON (null)");
        }

        try
        {
            return new GestureDecisionParameters(v.RestClass, v.MinConfidence, v.VoteLength, v.EnterHops, v.LeaveHops, v.EnvelopeShift, v.EnvelopeOnLevel, v.EnvelopeOffLevel, v.RefractoryHops);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new FormatException(ex.Message.Split(" (Parameter")[0]);
        }
    }
}
