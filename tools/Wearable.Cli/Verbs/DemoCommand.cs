using System.CommandLine;
using Spectre.Console;
using Wearable.Kernels.FixedPoint;

namespace Wearable.Cli.Verbs;

/// <summary>
/// The README's main job. It grows with the project: today it quantizes a generated multichannel
/// signal at the ADC boundary with the shared kernels and reports what happened.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "Length of the generated signal.", DefaultValueFactory = _ => 2.0 };
        var json = CommonOptions.Json();
        var command = new Command("demo", "Run the kernels on a generated sEMG-like signal and print what happened.")
        {
            seconds,
            json,
        };
        command.SetAction(parse => Run(parse.GetValue(seconds), parse.GetValue(json)));
        return command;
    }

    private static int Run(double seconds, bool json)
    {
        if (seconds <= 0 || seconds > 3600)
        {
            throw new CliException($"--seconds must be in (0, 3600], got {seconds}.", "Try --seconds 2.");
        }

        const int Channels = 8;
        const int SampleRate = 2000;
        int samples = (int)(seconds * SampleRate);
        var random = new Random(1234);
        var quantized = new short[Channels];
        long clipped = 0;
        var sumSquares = new double[Channels];
        for (int n = 0; n < samples; n++)
        {
            for (int c = 0; c < Channels; c++)
            {
                // Band-limited noise bursts with a per-channel gain, a stand-in for sEMG until the simulator lands.
                double burst = (n / (SampleRate / 2)) % 2 == 0 ? 1.0 : 0.1;
                double microvolts = burst * (200 + 50 * c) * (random.NextDouble() * 2 - 1) * 180;
                int raw = (int)Math.Round(microvolts);
                quantized[c] = Saturation.ToInt16(raw);
                if (quantized[c] != raw)
                {
                    clipped++;
                }

                sumSquares[c] += (double)quantized[c] * quantized[c];
            }
        }

        var rms = sumSquares.Select(s => Math.Sqrt(s / samples)).ToArray();
        if (json)
        {
            JsonOutput.Write(new { channels = Channels, sampleRate = SampleRate, samples, clippedSamples = clipped, rms });
            return 0;
        }

        var table = new Table().AddColumn("channel").AddColumn("RMS (LSB)");
        for (int c = 0; c < Channels; c++)
        {
            table.AddRow(c.ToString(), rms[c].ToString("F0"));
        }

        AnsiConsole.MarkupLine($"[bold]Generated[/] {samples} samples x {Channels} ch at {SampleRate} Hz; {clipped} clipped at the int16 ADC boundary.");
        AnsiConsole.Write(table);
        return 0;
    }
}
