using System.Text.Json;

namespace Wearable.View;

/// <summary>A button press from the page: <c>{"command": "record-start" | "record-stop" | "marker"}</c>.</summary>
public sealed record LiveCommand(string Command)
{
    public const string RecordStart = "record-start";
    public const string RecordStop = "record-stop";
    public const string Marker = "marker";

    public static bool TryParse(byte[] json, out LiveCommand? command)
    {
        try
        {
            command = JsonSerializer.Deserialize<LiveCommand>(json, LiveViewServer.Json);
            return command?.Command is not null;
        }
        catch (JsonException)
        {
            command = null;
            return false;
        }
    }
}
