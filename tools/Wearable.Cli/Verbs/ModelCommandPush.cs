using System.CommandLine;
using Spectre.Console;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable model push|list|activate`: model slots on a device. Push uploads in CRC-checked chunks with
/// a progress bar and commits (the device verifies the image and activates it on commit).
/// </summary>
public static class ModelCommandPush
{
    /// <summary>The device-side subcommands, to add under the <c>model</c> verb.</summary>
    public static IEnumerable<Command> Subcommands() => [CreatePush(), CreateList(), CreateActivate()];

    private static Command CreatePush()
    {
        var file = new Argument<string>("FILE") { Description = "The model image to upload." };
        var connect = new Option<string>("--connect") { Description = "Device connection string.", Required = true };
        var slot = new Option<int>("--slot") { Description = "Model slot.", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var push = new Command("push", "Upload a model to a device slot (chunked, CRC-checked) and commit it.") { file, connect, slot, json };
        push.SetAction(parse => Push(parse.GetValue(file)!, parse.GetValue(connect)!, parse.GetValue(slot), parse.GetValue(json)));
        return push;
    }

    private static Command CreateList()
    {
        var connect = new Option<string>("--connect") { Description = "Device connection string.", Required = true };
        var json = CommonOptions.Json();
        var list = new Command("list", "Show the device's active model (slot, size, CRC, verified).") { connect, json };
        list.SetAction(parse => List(parse.GetValue(connect)!, parse.GetValue(json)));
        return list;
    }

    private static Command CreateActivate()
    {
        var connect = new Option<string>("--connect") { Description = "Device connection string.", Required = true };
        var slot = new Option<int>("--slot") { Description = "Model slot.", DefaultValueFactory = _ => 0 };
        var activate = new Command("activate", "Make a slot's model the active one.") { connect, slot };
        activate.SetAction(int (_) => throw new CliException(
            "This firmware's link protocol has no separate activate request: a model becomes active when its upload is committed.",
            "Run 'wearable model push FILE --connect ... --slot N' to (re)load and activate a slot."));
        return activate;
    }

    private static int Push(string file, string connection, int slot, bool json)
    {
        if (!File.Exists(file))
        {
            throw new CliException("Model file " + file + " does not exist.", "Build one with the modeling tools (see docs/models.md) or pick a file under models/.");
        }

        if (slot is < 0 or > 254)
        {
            throw new CliException($"--slot must be 0..254, got {slot}.", "Slots are numbered from 0 ('wearable info' shows the active one).");
        }

        byte[] model = File.ReadAllBytes(file);
        DeviceSession session = CliSessions.OpenPrepared(connection, DeviceArguments.Keys(), DeviceArguments.OptionsFor(connection));
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (!json && ProgressConsole.TryCreate() is { } terminal)
            {
                terminal.Progress().Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask("uploading " + Path.GetFileName(file), maxValue: model.Length);
                    Upload(session, connection, slot, model, new Progress<int>(n => task.Value = n));
                });
            }
            else
            {
                Upload(session, connection, slot, model, null);
            }

            uint crc = LinkCrc32.Compute(model, 0, model.Length);
            if (json)
            {
                JsonOutput.Write(new { file, slot, bytes = model.Length, crc32 = "0x" + crc.ToString("X8"), seconds = Math.Round(clock.Elapsed.TotalSeconds, 3) });
            }
            else
            {
                Console.Out.WriteLine($"uploaded {model.Length} bytes to slot {slot} in {clock.Elapsed.TotalSeconds:F2} s (CRC-32 0x{crc:X8}); committed (the device verifies it on commit)");
            }

            return 0;
        }
        finally
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void Upload(DeviceSession session, string connection, int slot, byte[] model, IProgress<int>? progress) =>
        CliSessions.Guard(connection, () =>
        {
            session.UploadModelAsync((byte)slot, model, progress).GetAwaiter().GetResult();
            return 0;
        });

    private static int List(string connection, bool json)
    {
        DeviceSession session = CliSessions.OpenPrepared(connection, DeviceArguments.Keys(), DeviceArguments.OptionsFor(connection));
        try
        {
            ActiveModel? active = CliSessions.Guard(connection, () => session.GetActiveModelAsync().GetAwaiter().GetResult());
            int size = active?.Bytes ?? 0;
            var result = new
            {
                deviceId = session.DeviceId,
                activeSlot = active?.Slot,
                bytes = size,
                crc32 = "0x" + (active?.Crc32 ?? 0).ToString("X8"),
                verified = active?.Verified ?? false,
            };
            if (json)
            {
                JsonOutput.Write(result);
            }
            else
            {
                Console.Out.WriteLine(result.activeSlot is null
                    ? "no active model on " + session.DeviceId + " (push one with 'wearable model push')"
                    : $"slot {result.activeSlot}: {size} bytes, CRC-32 {result.crc32}, {(result.verified ? "verified" : "NOT verified")}");
            }

            return 0;
        }
        finally
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
