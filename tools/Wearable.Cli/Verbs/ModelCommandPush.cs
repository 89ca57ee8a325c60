using System.CommandLine;
using Spectre.Console;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;

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
        var file = new Argument<string>("FILE") { Description = "The model image to upload." }.ExistingFile();
        var connect = new Option<string>("--connect") { Description = "Device connection string.", Required = true }.ConnectionString();
        var slot = new Option<int?>("--slot") { Description = "Model slot (default: the inactive one; the device runs the active one while the other is written)." }.InRange(0, 254);
        var json = CommonOptions.Json();
        var push = new Command("push", "Upload a model to a device slot (chunked, CRC-checked) and commit it.") { file, connect, slot, json };
        push.SetAction(parse => Push(parse.GetValue(file)!, parse.GetValue(connect)!, parse.GetValue(slot), parse.GetValue(json)));
        return push;
    }

    private static Command CreateList()
    {
        var connect = new Option<string>("--connect") { Description = "Device connection string.", Required = true }.ConnectionString();
        var json = CommonOptions.Json();
        var list = new Command("list", "Show the device's active model (slot, size, CRC, verified).") { connect, json };
        list.SetAction(parse => List(parse.GetValue(connect)!, parse.GetValue(json)));
        return list;
    }

    private static Command CreateActivate()
    {
        var connect = new Option<string>("--connect") { Description = "Device connection string.", Required = true }.ConnectionString();
        var slot = new Option<int>("--slot") { Description = "Model slot (0..254).", DefaultValueFactory = _ => 0 }.InRange(0, 254);
        var activate = new Command("activate", "Make a slot's model the active one.") { connect, slot };
        activate.SetAction(int (_) => throw new CliException(
            "This firmware's link protocol has no separate activate request: a model becomes active when its upload is committed.",
            "Run 'wearable model push FILE --connect ... --slot N' to (re)load and activate a slot."));
        return activate;
    }

    private static int Push(string file, string connection, int? requestedSlot, bool json)
    {
        byte[] model = File.ReadAllBytes(file);
        // The file's own reader first: a model the device would refuse after the whole upload is refused here, before connecting.
        ModelDefinition definition = ModelReader.Read(model);
        DeviceSession session = CliSessions.OpenPrepared(connection, DeviceArguments.Keys(), DeviceArguments.OptionsFor(connection));
        try
        {
            int deviceChannels = session.Board!.ChannelNames.Count;
            if (definition.Input.Channels != deviceChannels)
            {
                throw new CliException(
                    $"{Path.GetFileName(file)} takes {definition.Input.Channels} channels but the device has {deviceChannels}.",
                    $"Push a model made for {deviceChannels} channels, or start a matching virtual device ('wearable simulate --channels {definition.Input.Channels}' or sim://?channels={definition.Input.Channels}).");
            }

            int slot = ChooseSlot(session.Info!.ActiveModelSlot, requestedSlot);
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

            // The model's own CRC-32 (its last four bytes, as 'model inspect' shows): a CRC over the whole file including them is the same constant for every valid model.
            uint crc = definition.Crc;
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

    /// <summary>The device writes the slot it is not running from (A/B slots), so the default is the inactive one.</summary>
    private static int ChooseSlot(int? active, int? requested)
    {
        int inactive = active == 0 ? 1 : 0;
        if (requested is null)
        {
            return inactive;
        }

        if (active is not null && requested == active)
        {
            throw new CliException(
                $"Slot {active} holds the model the device is running; it takes uploads into the other slot.",
                $"Leave out --slot (it picks the inactive slot, {inactive}), or pass --slot {inactive}.");
        }

        return requested.Value;
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
                // The device keeps the CRC of the uploaded image; for a .wmdl (which ends in its own CRC) that is the same residue for every model, so it proves integrity, not identity.
                imageCrc32 = "0x" + (active?.Crc32 ?? 0).ToString("X8"),
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
                    : $"slot {result.activeSlot}: {size} bytes, image CRC-32 {result.imageCrc32}, {(result.verified ? "verified" : "NOT verified")}");
            }

            return 0;
        }
        finally
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
