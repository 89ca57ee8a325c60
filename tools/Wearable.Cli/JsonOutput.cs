using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wearable.Cli;

/// <summary>
/// Every verb that measures something takes <c>--json</c> and prints exactly one JSON object, so
/// scripts can pipe it to jq without scraping tables.
/// </summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, s_options));

    public static string Serialize(object value) => JsonSerializer.Serialize(value, s_options);
}
