using System.CommandLine;

namespace Wearable.Cli.Verbs;

/// <summary>`wearable model ...`: models on devices (push, list, activate).</summary>
public static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "Models: upload to a device, list and activate slots.");
        foreach (Command sub in ModelCommandPush.Subcommands())
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }
}
