using System.CommandLine;
using System.Text.RegularExpressions;
using Wearable.Cli;
using Wearable.TestSupport;

namespace Wearable.Cli.Tests;

/// <summary>
/// Every `wearable ...` command line in README.md and docs/*.md (code blocks, inline code, the README's
/// verb table) names verbs and options the CLI has, and none writes over a model shipped in models/.
/// </summary>
public sealed partial class DocumentedCommandsTests
{
    [Fact]
    public void Every_documented_command_names_a_real_verb_and_real_options()
    {
        var problems = new List<string>();
        int checkedCommands = 0;
        foreach ((string where, string line) in DocumentedCommands())
        {
            checkedCommands++;
            string? problem = Check(CommandCatalog.Build(), Tokens(line));
            if (problem is not null)
            {
                problems.Add($"{where}: {problem}\n    {line}");
            }
        }

        Assert.True(checkedCommands > 60, $"found only {checkedCommands} documented commands: the scan is broken");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void No_documented_command_overwrites_a_shipped_model()
    {
        var problems = new List<string>();
        foreach ((string where, string line) in DocumentedCommands())
        {
            string[] tokens = Tokens(line);
            for (int i = 0; i + 1 < tokens.Length; i++)
            {
                if (tokens[i] == "--out" && tokens[i + 1].StartsWith("models/", StringComparison.Ordinal) && File.Exists(RepositoryPaths.InRepo(tokens[i + 1].Split('/'))))
                {
                    problems.Add($"{where}: writes over the shipped {tokens[i + 1]}: {line}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_checker_catches_an_unknown_verb_an_unknown_option_and_an_option_of_another_verb()
    {
        RootCommand root = CommandCatalog.Build();
        Assert.Null(Check(root, Tokens("wearable model push m.wmdl --connect /dev/pts/4 --slot 1")));
        Assert.Contains("no verb 'teleport'", Check(root, Tokens("wearable teleport --now")));
        Assert.Contains("--frobnicate", Check(root, Tokens("wearable demo --frobnicate 3")));
        Assert.Contains("--blocks", Check(root, Tokens("wearable demo --blocks 3")));
    }

    /// <summary>Null when the verb path and every --option exist; otherwise what is wrong.</summary>
    private static string? Check(RootCommand root, string[] tokens)
    {
        Command command = root;
        int i = 1; // tokens[0] is "wearable"
        while (i < tokens.Length && command.Subcommands.FirstOrDefault(c => c.Name == tokens[i]) is { } sub)
        {
            command = sub;
            i++;
        }

        if (command == root && i < tokens.Length && !tokens[i].StartsWith('-') && !tokens[i].StartsWith('<'))
        {
            return $"there is no verb '{tokens[i]}'";
        }

        for (; i < tokens.Length; i++)
        {
            string name = tokens[i].Split('=')[0];
            if (name.StartsWith("--", StringComparison.Ordinal) && name.Length > 2
                && !command.Options.Any(o => o.Name == name || o.Aliases.Contains(name)) && name is not ("--help" or "--verbose"))
            {
                return $"'{(command == root ? "wearable" : command.Name)}' has no option {name}";
            }
        }

        return null;
    }

    /// <summary>Shell-like words of one command: quotes joined, usage brackets and alternatives dropped, stops at a comment, pipe, redirect or '&amp;'.</summary>
    private static string[] Tokens(string line)
    {
        var words = new List<string>();
        foreach (Match m in WordPattern().Matches(line))
        {
            string word = m.Value;
            if (word.StartsWith('#') || word is "|" or "&" or "&&" or ";" or ">" or ">>" or "2>&1")
            {
                break;
            }

            word = word.Trim('[', ']', '"', '\'', '`');
            foreach (string alternative in word.Split("\\|")[0].Split('|').Take(1))
            {
                if (alternative.Length > 0)
                {
                    words.Add(alternative);
                }
            }
        }

        return [.. words];
    }

    private static IEnumerable<(string Where, string Line)> DocumentedCommands()
    {
        string root = RepositoryPaths.InRepo();
        var files = new List<string> { Path.Combine(root, "README.md") };
        files.AddRange(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal));
        foreach (string file in files)
        {
            string name = Path.GetRelativePath(root, file);
            string[] lines = File.ReadAllLines(file);
            bool inCode = false;
            string heading = string.Empty;
            for (int n = 0; n < lines.Length; n++)
            {
                string line = lines[n];
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = !inCode;
                    continue;
                }

                if (!inCode && line.StartsWith('#'))
                {
                    heading = line;
                }

                if (inCode)
                {
                    string text = line.TrimStart().TrimStart('$', ' ');
                    // A continued line (ending in '\') belongs to the command it continues.
                    while (text.EndsWith('\\') && n + 1 < lines.Length)
                    {
                        text = text[..^1] + " " + lines[++n].Trim();
                    }

                    if (text.StartsWith("wearable ", StringComparison.Ordinal))
                    {
                        yield return ($"{name}:{n + 1}", text);
                    }

                    continue;
                }

                foreach (Match m in InlineCommandPattern().Matches(line))
                {
                    yield return ($"{name}:{n + 1}", m.Groups[1].Value);
                }

                // The README's verb table: the first cell is a command without the 'wearable' in front.
                if (name == "README.md" && heading.Contains("`wearable`", StringComparison.Ordinal) && TableVerbPattern().Match(line) is { Success: true } row)
                {
                    foreach (string part in row.Groups[1].Value.Split("` / `"))
                    {
                        yield return ($"{name}:{n + 1}", "wearable " + part);
                    }
                }
            }
        }
    }

    [GeneratedRegex("\"[^\"]*\"|'[^']*'|\\S+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("`(wearable [^`]+)`")]
    private static partial Regex InlineCommandPattern();

    [GeneratedRegex("^\\| `([a-z].*?)` \\| ")]
    private static partial Regex TableVerbPattern();
}
