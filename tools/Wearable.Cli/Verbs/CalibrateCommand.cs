using System.CommandLine;
using System.Globalization;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Calibration;
using Wearable.EdgeHost.Sessions;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable calibrate CONNECTION --kind emg|eeg`: EMG records rest then a maximum voluntary contraction
/// per channel and pushes gains, offsets and noise thresholds to the device; EEG checks each electrode's
/// contact (mains pick-up, flat line). Results are saved as JSON in the config dir and shown.
/// Prompts are printed lines and phases run on timers, so it also works with no terminal.
/// </summary>
public static class CalibrateCommand
{
    public static Command Create()
    {
        var connection = DeviceArguments.Connection();
        var kind = new Option<string>("--kind") { Description = "emg (rest + MVC -> gains/thresholds) or eeg (contact check).", DefaultValueFactory = _ => "emg" }.OneOf("emg", "eeg");
        var rest = new Option<double>("--rest-seconds") { Description = "EMG: seconds at rest; EEG: seconds to check.", DefaultValueFactory = _ => 3 }.InRange(0, 86_400, exclusiveMin: true);
        var mvc = new Option<double>("--mvc-seconds") { Description = "EMG: seconds of maximum contraction.", DefaultValueFactory = _ => 3 }.InRange(0, 86_400, exclusiveMin: true);
        var noPush = new Option<bool>("--no-push") { Description = "EMG: compute and save, but do not send to the device." };
        var json = CommonOptions.Json();
        var command = new Command("calibrate", "EMG rest/MVC calibration pushed to the device, or EEG electrode contact check.") { connection, kind, rest, mvc, noPush, json };
        command.SetAction(parse => Run(parse.GetValue(connection)!, parse.GetValue(kind)!, parse.GetValue(rest), parse.GetValue(mvc), parse.GetValue(noPush), parse.GetValue(json)));
        return command;
    }

    private static int Run(string connection, string kind, double restSeconds, double mvcSeconds, bool noPush, bool json)
    {
        if (kind is not ("emg" or "eeg"))
        {
            throw new CliException($"--kind must be emg or eeg, not '{kind}'.", "emg for wrist sEMG bands, eeg for ear-EEG.");
        }

        DeviceArguments.CheckSeconds(restSeconds);
        DeviceArguments.CheckSeconds(mvcSeconds);
        var keys = DeviceArguments.Keys();
        DeviceSession session = CliSessions.OpenPrepared(connection, keys, DeviceArguments.OptionsFor(connection) with { BufferSeconds = Math.Max(restSeconds, mvcSeconds) + 2 });
        try
        {
            TextWriter log = json ? Console.Error : Console.Out;
            BoardDescription board = session.Board!;
            CliSessions.Guard(connection, () => { session.StartStreamAsync().GetAwaiter().GetResult(); return 0; });
            var results = new CalibrationResults(keys.Directory);
            string saved;
            object report;
            if (kind == "eeg")
            {
                log.WriteLine($"Sit still with the electrodes on: checking contact for {restSeconds} s ...");
                double[][] data = Capture(session, board, restSeconds);
                EegChannelContact[] contact = EegContactCheck.Check(data, board.SamplingRate);
                saved = results.Save(new CalibrationRecord(session.DeviceId, "eeg", DateTimeOffset.UtcNow, board.SamplingRate, null, contact));
                report = new { kind, deviceId = session.DeviceId, channels = contact, saved };
                if (!json)
                {
                    foreach (EegChannelContact c in contact)
                    {
                        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{board.ChannelNames[c.Channel],-6} {c.Quality,-10} RMS {c.RmsMicrovolts,7:F1} uV  50 Hz {c.Mains50Microvolts,6:F1} uV  60 Hz {c.Mains60Microvolts,6:F1} uV  flat {c.FlatFraction:P0}"));
                    }
                }
            }
            else
            {
                log.WriteLine($"Relax your forearm completely: recording rest for {restSeconds} s ...");
                double[][] rest = Capture(session, board, restSeconds);
                log.WriteLine($"Now make a fist as hard as you can and hold it: recording for {mvcSeconds} s ...");
                double[][] mvc = Capture(session, board, mvcSeconds);
                log.WriteLine("Relax.");
                EmgChannelCalibration[] channels = EmgCalibration.Compute(rest, mvc, board.MicrovoltsPerCount);
                if (!noPush)
                {
                    CliSessions.Guard(connection, () => { session.SendCalibrationAsync(channels).GetAwaiter().GetResult(); return 0; });
                }

                saved = results.Save(new CalibrationRecord(session.DeviceId, "emg", DateTimeOffset.UtcNow, board.SamplingRate, channels, null));
                report = new { kind, deviceId = session.DeviceId, pushed = !noPush, channels, saved };
                if (!json)
                {
                    foreach (EmgChannelCalibration c in channels)
                    {
                        string warn = c.SignalToRestDb < 6 ? "  <- weak: check this electrode" : string.Empty;
                        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{board.ChannelNames[c.Channel],-6} rest {c.RestRmsMicrovolts,7:F1} uV  MVC {c.MvcRmsMicrovolts,8:F1} uV  ({c.SignalToRestDb,5:F1} dB)  gain {c.GainQ16 / 65536.0,7:F3}  threshold {c.NoiseThresholdCounts} counts{warn}"));
                    }

                    log.WriteLine(noPush ? "Not sent to the device (--no-push)." : "Sent to the device (it keeps the calibration in flash).");
                }
            }

            CliSessions.Guard(connection, () => { session.StopStreamAsync().GetAwaiter().GetResult(); return 0; });
            if (json)
            {
                JsonOutput.Write(report);
            }
            else
            {
                log.WriteLine("Saved " + saved);
            }

            return 0;
        }
        finally
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static double[][] Capture(DeviceSession session, BoardDescription board, double seconds)
    {
        session.GetAllData();
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        double[][] all = session.GetAllData();
        return board.ExgRows.Select(r => all[r]).ToArray();
    }
}
