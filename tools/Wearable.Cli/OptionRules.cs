using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Connections;

namespace Wearable.Cli;

/// <summary>
/// Parse-time rules for option and argument values. A value that breaks one is a usage error
/// (one line, exit code 2) found before the verb starts a device, a training or a write, so no verb
/// can run for minutes and then fail on an argument it could have checked first.
/// </summary>
public static class OptionRules
{
    /// <summary>The longest free text a verb takes (names, labels, specs): keeps model cards and file names loadable.</summary>
    public const int MaxTextLength = 200;

    public static Option<int> InRange(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            if (!TryValue(result, out int value))
            {
                return;
            }

            if (value < min || value > max)
            {
                result.AddError($"{option.Name} must be {min}..{max}, not {value}.");
            }
        });
        return option;
    }

    public static Option<int?> InRange(this Option<int?> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            if (TryValue(result, out int? value) && value is int given && (given < min || given > max))
            {
                result.AddError($"{option.Name} must be {min}..{max}, not {given}.");
            }
        });
        return option;
    }

    /// <summary>A finite number in [min, max]; <paramref name="exclusiveMin"/> makes it (min, max].</summary>
    public static Option<double> InRange(this Option<double> option, double min, double max, bool exclusiveMin = false)
    {
        option.Validators.Add(result =>
        {
            if (!TryValue(result, out double value))
            {
                return;
            }

            bool aboveMin = exclusiveMin ? value > min : value >= min;
            if (!(aboveMin && value <= max))
            {
                string range = (exclusiveMin ? "(" : "[") + Text(min) + ", " + Text(max) + "]";
                result.AddError($"{option.Name} must be in {range}, not {Text(value)}.");
            }
        });
        return option;
    }

    /// <summary>One of a fixed set of words.</summary>
    public static Option<T> OneOf<T>(this Option<T> option, params string[] allowed)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!allowed.Contains(token.Value))
                {
                    result.AddError($"{option.Name} must be {string.Join(", ", allowed)}; not '{Shorten(token.Value)}'.");
                }
            }
        });
        return option;
    }

    /// <summary>Free text no longer than <see cref="MaxTextLength"/> characters (and not empty).</summary>
    public static Option<T> ShortText<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                // Names end up in u8-length fields (model card): 255 UTF-8 bytes is the hard limit.
                if (token.Value.Length == 0 || token.Value.Length > MaxTextLength || System.Text.Encoding.UTF8.GetByteCount(token.Value) > 255)
                {
                    result.AddError($"{option.Name} must be 1..{MaxTextLength} characters (at most 255 UTF-8 bytes), not {token.Value.Length}.");
                }
            }
        });
        return option;
    }

    /// <summary>A value that must match <paramref name="pattern"/> (whole value); <paramref name="what"/> says what a good one looks like.</summary>
    public static Option<T> Matches<T>(this Option<T> option, string pattern, string what)
    {
        var regex = new System.Text.RegularExpressions.Regex("^(?:" + pattern + ")$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        option.Validators.Add(result =>
        {
            string? value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && (value.Length > 200 || !regex.IsMatch(value)))
            {
                result.AddError($"{option.Name}: '{Shorten(value)}' is not {what}.");
            }
        });
        return option;
    }

    /// <summary>A whole number that must be one of <paramref name="allowed"/>.</summary>
    public static Option<int> OneOfNumbers(this Option<int> option, params int[] allowed)
    {
        option.Validators.Add(result =>
        {
            // A token that is no number at all is System.CommandLine's own parse error.
            if (result.Tokens.Count > 0
                && int.TryParse(result.Tokens[^1].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value)
                && !allowed.Contains(value))
            {
                result.AddError($"{option.Name} must be one of {string.Join(", ", allowed)}, not {value}.");
            }
        });
        return option;
    }

    /// <summary>Input files or folders (several tokens): each must exist.</summary>
    public static Argument<string[]> ExistingPaths(this Argument<string[]> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!File.Exists(token.Value) && !Directory.Exists(token.Value))
                {
                    result.AddError($"{argument.Name}: '{Shorten(token.Value)}' is neither a file nor a folder.");
                }
            }
        });
        return argument;
    }

    /// <summary>An input file that must exist (and not be a folder).</summary>
    public static Option<T> ExistingFile<T>(this Option<T> option)
    {
        option.Validators.Add(result => CheckInput(result, option.Name, result.Tokens.Count == 0 ? null : result.Tokens[^1].Value));
        return option;
    }

    /// <summary>An input file given as a path string.</summary>
    public static Argument<T> ExistingFile<T>(this Argument<T> argument)
    {
        argument.Validators.Add(result => CheckInput(result, argument.Name, result.Tokens.Count == 0 ? null : result.Tokens[^1].Value));
        return argument;
    }

    /// <summary>An input file given as a path string, or one of a few words (e.g. 'synthetic').</summary>
    public static Option<string> ExistingFileOr(this Option<string> option, params string[] words)
    {
        option.Validators.Add(result =>
        {
            string? value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && !words.Contains(value))
            {
                CheckInput(result, option.Name, value, " (or one of: " + string.Join(", ", words) + ")");
            }
        });
        return option;
    }

    /// <summary>Input files joined by '+' (a+b.json: an ensemble); each must exist.</summary>
    public static Option<T> ExistingFiles<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            string? value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null)
            {
                string[] paths = value.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (paths.Length == 0)
                {
                    result.AddError($"{option.Name} names no file.");
                }

                foreach (string path in paths)
                {
                    CheckInput(result, option.Name, path);
                }
            }
        });
        return option;
    }

    /// <summary>A folder this verb writes into (created when missing): must not be a file.</summary>
    public static Option<T> OutputFolder<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            string? value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && File.Exists(value))
            {
                result.AddError($"{option.Name}: '{Shorten(value)}' is a file; give a folder.");
            }
        });
        return option;
    }

    /// <summary>A device id as 'wearable devices' prints it: hex digits.</summary>
    public static Argument<string> HexDeviceId(this Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            string? value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && (value.Length is 0 or > 64 || value.Length % 2 != 0 || !value.All(Uri.IsHexDigit)))
            {
                result.AddError($"{argument.Name}: '{Shorten(value)}' is not a device id (an even number of hex digits, at most 64, as 'wearable devices' prints it).");
            }
        });
        return argument;
    }

    /// <summary>A folder that must exist.</summary>
    public static Option<T> ExistingFolder<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            string? value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && !Directory.Exists(value))
            {
                result.AddError($"{option.Name}: the folder '{Shorten(value)}' does not exist.");
            }
        });
        return option;
    }

    /// <summary>A file this verb will write: not a folder, in a folder that exists, a name the file system takes.</summary>
    public static Option<T> OutputFile<T>(this Option<T> option)
    {
        option.Validators.Add(result => CheckOutput(result, option.Name, result.Tokens.Count == 0 ? null : result.Tokens[^1].Value));
        return option;
    }

    /// <summary>A connection string: its syntax, and for sim:// every option the virtual device reads.</summary>
    public static Argument<string> ConnectionString(this Argument<string> argument)
    {
        argument.Validators.Add(result => CheckConnection(result, argument.Name, result.Tokens.Count == 0 ? null : result.Tokens[^1].Value));
        return argument;
    }

    public static Option<T> ConnectionString<T>(this Option<T> option)
    {
        option.Validators.Add(result => CheckConnection(result, option.Name, result.Tokens.Count == 0 ? null : result.Tokens[^1].Value));
        return option;
    }

    private static void CheckConnection(SymbolResult result, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        try
        {
            var connection = Wearable.EdgeHost.Connections.ConnectionString.Parse(value);
            if (connection.Kind == ConnectionKind.Simulated)
            {
                VirtualDeviceLauncher.OptionsFor(connection);
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            result.AddError($"{name}: {ex.Message} ('wearable devices' lists connection strings; docs/host.md explains them)");
        }
    }

    private static void CheckInput(SymbolResult result, string name, string? path, string alternatives = "")
    {
        if (path is null)
        {
            return;
        }

        if (Directory.Exists(path))
        {
            result.AddError($"{name}: '{Shorten(path)}' is a folder; give a file{alternatives}.");
        }
        else if (!File.Exists(path))
        {
            result.AddError($"{name}: the file '{Shorten(path)}' does not exist{alternatives}.");
        }
    }

    private static void CheckOutput(SymbolResult result, string name, string? path)
    {
        if (path is null)
        {
            return;
        }

        if (path.Length == 0 || Directory.Exists(path) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
        {
            result.AddError($"{name}: '{Shorten(path)}' is a folder; give a file name inside it.");
            return;
        }

        string fileName = Path.GetFileName(path);
        if (fileName.Length > 255 || fileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            result.AddError($"{name}: '{Shorten(fileName)}' is not a file name this system accepts (at most 255 characters, no '/').");
            return;
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (!Directory.Exists(folder))
        {
            result.AddError($"{name}: the folder '{Shorten(folder)}' does not exist; create it first (mkdir -p).");
        }
    }

    // A token that is not a number already has its own parse error; the range check has nothing to add.
    private static bool TryValue<T>(OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..40] + "..." + text[^20..];

    private static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
