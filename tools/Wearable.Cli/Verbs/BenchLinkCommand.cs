using System.CommandLine;
using System.Globalization;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Sessions;
using Wearable.VirtualDevice;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable bench link [--json]`: end-to-end latency of the link at the UART cap. A virtual device
/// runs in this process on a pty capped at --baud; each block is timed from the moment its last
/// sample entered the device's ADC to the moment the host session delivered it. Reports p50/p99 and
/// the loss count. With --transport ble the device sits behind the fake BlueZ and is reached through
/// the BLE transport, its notifications paced to <see cref="BleAssumptions"/> (docs/ble.md).
/// </summary>
public static class BenchLinkCommand
{
    /// <summary>The latency target of issue 6 at a 921600-baud cap.</summary>
    public const double TargetP99Milliseconds = 20;

    public static Command Create()
    {
        var json = CommonOptions.Json();
        var seconds = new Option<double>("--seconds") { Description = "Streaming time (real time).", DefaultValueFactory = _ => 5.0 }.InRange(0, 600, exclusiveMin: true);
        var baud = new Option<int>("--baud") { Description = "UART cap on the virtual link (0 = none).", DefaultValueFactory = _ => 921600 }.InRange(0, 100_000_000);
        var channels = new Option<int>("--channels") { Description = "Channels (1..32).", DefaultValueFactory = _ => 16 }.InRange(1, 32);
        var rate = new Option<int>("--rate") { Description = "Sample rate, Hz (1..64000).", DefaultValueFactory = _ => 2000 }.InRange(1, 64000);
        var block = new Option<int>("--block-samples") { Description = "Samples per block (0 = about 10 ms).", DefaultValueFactory = _ => 0 }.InRange(0, 512);
        var transport = new Option<string>("--transport") { Description = "pty (the serial code path), inproc, or ble (the BLE transport against the fake BlueZ, paced to a radio's air time; docs/ble.md).", DefaultValueFactory = _ => "pty" }.OneOf("pty", "inproc", "ble");
        var attMtu = new Option<int>("--att-mtu") { Description = "ble: the negotiated ATT MTU (23..517).", DefaultValueFactory = _ => 247 }.InRange(23, 517);
        var command = new Command("link", "Latency from a sample entering the virtual device to its block arriving in the host session (p50/p99, loss).")
        {
            json, seconds, baud, channels, rate, block, transport, attMtu,
        };
        command.SetAction(parse => Run(parse.GetValue(json), parse.GetValue(seconds), parse.GetValue(baud), parse.GetValue(channels), parse.GetValue(rate), parse.GetValue(block), parse.GetValue(transport)!, parse.GetValue(attMtu)));
        return command;
    }

    private static int Run(bool json, double seconds, int baud, int channels, int rate, int blockSamples, string transport, int attMtu)
    {
        bool ble = transport == "ble";
        using FakeBleDevice? radio = ble ? FakeBleDevice.Start(BleDeviceOptions(channels, rate), attMtu, BleAssumptions.Pacing()) : null;
        string connection = radio?.Connection
            ?? string.Create(CultureInfo.InvariantCulture, $"sim://?transport={transport}&channels={channels}&rate={rate}&pairing=60") + (baud > 0 ? "&baud=" + baud : string.Empty);
        string keyDir = Directory.CreateTempSubdirectory("wearable-bench-").FullName;
        try
        {
            var options = new DeviceSessionOptions { PairAutomatically = true, BufferSeconds = 5 };
            DeviceSession session = CliSessions.OpenPrepared(connection, new HostKeyStore(keyDir), options);
            LatencyStats stats;
            SessionCounters counters;
            long unmatched;
            int blockUsed;
            long linkBytes;
            using (var probe = radio is not null ? LinkLatencyProbe.Attach(session, radio.Board)
                : LinkLatencyProbe.TryAttach(session) ?? throw new InvalidOperationException("sim:// did not start an in-process virtual device."))
            {
                var selection = new StreamSelection { BlockSamples = blockSamples };
                blockUsed = selection.ResolveBlockSamples(rate, channels);
                CliSessions.Guard(connection, () =>
                {
                    session.StartStreamAsync(selection).GetAwaiter().GetResult();
                    Thread.Sleep(TimeSpan.FromSeconds(seconds));
                    session.StopStreamAsync().GetAwaiter().GetResult();
                    return 0;
                });
                Thread.Sleep(50);
                linkBytes = radio?.Peripheral.Link.DeviceBytes ?? 0;
                stats = probe.Stats();
                counters = session.Counters;
                unmatched = probe.Unmatched;
            }

            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
            var result = new
            {
                transport,
                baud = ble ? 0 : baud,
                ble = ble ? new
                {
                    attMtu,
                    notificationBytes = attMtu - 3,
                    connectionIntervalMs = BleAssumptions.ConnectionInterval.TotalMilliseconds,
                    notificationsPerEvent = BleAssumptions.NotificationsPerEvent,
                    capacityKbitPerSecond = BleAssumptions.Pacing().BytesPerSecond(attMtu) * 8 / 1000,
                    throughputKbitPerSecond = linkBytes * 8 / 1000.0 / seconds,
                } : null,
                channels,
                sampleRate = rate,
                blockSamples = blockUsed,
                seconds,
                blocks = counters.Blocks,
                lostBlocks = counters.LostBlocks,
                crcErrors = counters.CrcErrors,
                unmatchedBlocks = unmatched,
                latencyMs = new { p50 = stats.P50, p99 = stats.P99, max = stats.Max, mean = stats.Mean, count = stats.Count },
                targetP99Ms = TargetP99Milliseconds,
                meetsTarget = stats.Count > 0 && stats.P99 <= TargetP99Milliseconds && counters.LostBlocks == 0,
            };
            if (json)
            {
                JsonOutput.Write(result);
            }
            else
            {
                Console.Out.WriteLine($"{counters.Blocks} blocks of {blockUsed} samples, {channels} ch x {rate} Hz over {transport}" + (ble ? string.Empty : baud > 0 ? $" capped at {baud} baud" : string.Empty) + $" for {seconds} s");
                if (result.ble is { } air)
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BLE: ATT MTU {attMtu} ({air.notificationBytes} B per notification), {air.notificationsPerEvent} notification(s) per {air.connectionIntervalMs} ms connection event = {air.capacityKbitPerSecond:F0} kbit/s air budget; carried {air.throughputKbitPerSecond:F1} kbit/s"));
                }

                Console.Out.WriteLine($"latency sample-in to block-delivered: p50 {stats.P50:F2} ms, p99 {stats.P99:F2} ms, max {stats.Max:F2} ms (target p99 <= {TargetP99Milliseconds} ms: {(result.meetsTarget ? "met" : "NOT met")}); {counters.LostBlocks} blocks lost");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(keyDir, recursive: true);
        }
    }

    private static VirtualDeviceOptions BleDeviceOptions(int channels, int rate) => new()
    {
        Channels = channels,
        SampleRate = rate,
        Transport = "inproc",
        PairingWindow = TimeSpan.FromSeconds(60),
        Quiet = true,
    };
}
