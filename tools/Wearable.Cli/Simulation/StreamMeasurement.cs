using System.Diagnostics;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Link;
using Wearable.Firmware.Profiles;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice;

namespace Wearable.Cli.Simulation;

/// <summary>
/// `wearable simulate --measure`: runs the virtual device in-process on its real transport (pty or
/// TCP), connects the host link client to it, pairs, authenticates and streams for a given device
/// time; then reports throughput, device-time speed, lost blocks and rejected frames.
/// </summary>
public static class StreamMeasurement
{
    public static int Run(VirtualDeviceOptions options, double deviceSeconds, int blockSamples, bool json)
    {
        if (deviceSeconds is <= 0 or > 3600)
        {
            throw new CliException($"--measure must be in (0, 3600] seconds, got {deviceSeconds}.", "Try --measure 10.");
        }

        VirtualBoard board;
        try
        {
            board = new VirtualBoard(options with { Quiet = true, PairingWindow = TimeSpan.FromMinutes(10) });
        }
        catch (BudgetExceededException ex)
        {
            throw new CliException(ex.Message, "Pick a board with more RAM (--board) or fewer channels.");
        }

        using (board)
        {
            board.Start();
            var connector = new DeviceConnector(DeviceArguments.Keys()) { PairAutomatically = true };
            using DeviceLink link = connector.Connect(ConnectionString.Parse(board.SlavePath ?? "tcp://127.0.0.1:" + board.Endpoint!.Split(':')[^1]));
            DeviceLinkClient client = link.Client;
            DeviceInfoMessage info = link.Info!;

            int rate = info.SampleRateHz;
            long frames = (long)(deviceSeconds * rate);
            long blocks = (frames + blockSamples - 1) / blockSamples;
            long bytesBefore = client.BytesReceived;
            var wall = Stopwatch.StartNew();
            client.StartStream(LinkStreamKind.Raw, blockSamples, uint.MaxValue);
            long received = 0;
            long lost = 0;
            long expected = 0;
            long firstTimestamp = -1;
            long lastTimestamp = 0;
            while (expected < blocks)
            {
                ReceivedBlock? block = client.ReceiveBlock(TimeSpan.FromSeconds(10));
                if (block is null)
                {
                    throw new CliException($"The stream stalled after {received} blocks.", "Check the impairment options: a drop rate can swallow the whole link.");
                }

                lost += block.BlockSequence - expected;
                expected = block.BlockSequence + 1;
                received++;
                firstTimestamp = firstTimestamp < 0 ? block.TimestampMicros : firstTimestamp;
                lastTimestamp = block.TimestampMicros;
            }

            double wallSeconds = wall.Elapsed.TotalSeconds;
            long bytes = client.BytesReceived - bytesBefore;
            double device = (lastTimestamp - firstTimestamp) / 1e6 + ((double)blockSamples / rate);
            client.StopStream();
            var result = new
            {
                transport = options.Transport,
                capBytesPerSecond = options.Impairments.BytesPerSecond,
                channels = (int)info.ChannelCount,
                sampleRate = rate,
                blockSamples,
                deviceSeconds = Math.Round(device, 3),
                wallSeconds = Math.Round(wallSeconds, 3),
                deviceTimeSpeed = Math.Round(device / wallSeconds, 3),
                bytesReceived = bytes,
                bytesPerSecond = Math.Round(bytes / wallSeconds),
                linkUtilisation = options.Impairments.BytesPerSecond > 0 ? Math.Round(bytes / wallSeconds / options.Impairments.BytesPerSecond, 4) : (double?)null,
                payloadBytesPerSecond = Math.Round(received * blockSamples * (double)info.ChannelCount * 2 / wallSeconds),
                blocksReceived = received,
                blocksLost = lost,
                framesRejected = client.Decoder.FramesRejected,
                ringOverflowFrames = board.Device.Ring.FramesDropped,
            };
            if (json)
            {
                JsonOutput.Write(result);
            }
            else
            {
                Console.Out.WriteLine($"{result.blocksReceived} blocks ({result.channels} ch x {rate} Hz, {blockSamples} per block) over {options.Transport}: " +
                    $"{result.deviceSeconds} s of device time in {result.wallSeconds} s ({result.deviceTimeSpeed}x real time)");
                Console.Out.WriteLine($"{result.bytesPerSecond} B/s on the link" +
                    (result.linkUtilisation is { } u ? $" = {u:P1} of the {options.Impairments.BytesPerSecond} B/s cap" : string.Empty) +
                    $"; {result.blocksLost} blocks lost, {result.framesRejected} frames rejected, {result.ringOverflowFrames} frames overflowed");
            }

            return lost == 0 && result.ringOverflowFrames == 0 ? 0 : 1;
        }
    }
}
