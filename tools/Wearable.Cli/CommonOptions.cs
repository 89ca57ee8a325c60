using System.CommandLine;

namespace Wearable.Cli;

/// <summary>Options shared by many verbs, so they read and behave the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON object instead of tables (for scripts).",
    };
}
