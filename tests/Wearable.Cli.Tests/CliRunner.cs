using System.Text.Json;
using Wearable.Cli;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Wearable.Cli.Tests;

/// <summary>Runs the CLI in-process with captured standard output and error (tests run one at a time).</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public JsonElement Json()
        {
            try
            {
                return JsonDocument.Parse(Out).RootElement;
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"Output is not one JSON object ({ex.Message}):\n{Out}\nstderr:\n{Error}");
            }
        }
    }

    public static Result Run(params string[] args)
    {
        TextWriter originalOut = Console.Out, originalError = Console.Error;
        var output = new StringWriter();
        var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int code = CommandCatalog.Run(args);
            return new Result(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
