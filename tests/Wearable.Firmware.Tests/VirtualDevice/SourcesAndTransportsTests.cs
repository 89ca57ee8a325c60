using System.Net.Sockets;
using Wearable.EdgeHost.Link;
using Wearable.Kernels.Link;
using Wearable.TestSupport;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Sources;
using Wearable.VirtualDevice.Transports;

namespace Wearable.Firmware.Tests.VirtualDevice;

/// <summary>Recording playback, the synthetic source's determinism, and the TCP / in-process transports.</summary>
public sealed class SourcesAndTransportsTests
{
    private static string MyoFile() => RepositoryPaths.SharedDataFile("emg", "myo-armband", "PreTrainingDataset", "Male7", "training0", "classe_9.dat");

    private static string MuseFile() => RepositoryPaths.SharedDataFile("eeg", "muse-ssvep", "subject3", "session1", "data_2018-05-04-18.20.03.csv");

    [Fact]
    public void Myo_dat_files_load_as_8_channels_at_200_Hz()
    {
        Recording myo = Recording.Load(MyoFile());
        byte[] raw = File.ReadAllBytes(MyoFile());
        Assert.Equal(8, myo.Channels);
        Assert.Equal(200, myo.SampleRate);
        Assert.Equal(raw.Length / 16, myo.Frames);
        Assert.Equal((short)(raw[2] | (raw[3] << 8)), myo.Samples[1]);
        Assert.All(myo.Samples, s => Assert.InRange(s, -128, 127));
    }

    [Fact]
    public void Muse_csv_files_load_the_four_eeg_columns_at_256_Hz_in_tenths_of_a_microvolt()
    {
        Recording muse = Recording.Load(MuseFile());
        Assert.Equal(4, muse.Channels);
        Assert.Equal(256, muse.SampleRate);
        Assert.Equal(File.ReadLines(MuseFile()).Count() - 1, muse.Frames);

        // First data line: 11964.893,23.926,38.574,27.832,26.367,...
        Assert.Equal(new short[] { 239, 386, 278, 264 }, muse.Samples[..4]);
    }

    [Fact]
    public void Bad_recordings_are_refused_with_a_clear_error()
    {
        string path = Path.Combine(Path.GetTempPath(), "wearable-bad-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "time,a,b\n1,2,3\n");
        try
        {
            Assert.Contains("TP9", Assert.Throws<InvalidDataException>(() => Recording.Load(path)).Message);
            Assert.Throws<FileNotFoundException>(() => Recording.Load(path + ".missing"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_synthetic_signal_is_deterministic_for_a_seed_and_differs_between_seeds()
    {
        short[] Take(int seed)
        {
            var generator = new SyntheticEmg(4, 2000, seed);
            var values = new short[4 * 4000];
            for (int f = 0; f < 4000; f++)
            {
                generator.Next(values, f * 4);
            }

            return values;
        }

        short[] a = Take(9);
        Assert.Equal(a, Take(9));
        Assert.NotEqual(a, Take(10));

        // sEMG-like: bursts, so the loudest 100 ms window is much louder than the quietest.
        double[] rms = Enumerable.Range(0, 20).Select(w => Math.Sqrt(a.Skip(w * 800).Take(800).Average(v => (double)v * v))).ToArray();
        Assert.True(rms.Max() > 5 * rms.Min(), $"No bursts: window RMS {rms.Min():F0}..{rms.Max():F0}.");
    }

    [Fact]
    public void A_recording_plays_back_through_the_in_process_link_sample_for_sample()
    {
        Recording myo = Recording.Load(MyoFile());
        using var link = InProcessLink.Create();
        using var board = new VirtualBoard(new VirtualDeviceOptions { Source = MyoFile(), RealTime = false, PairingWindow = TimeSpan.FromMinutes(1), Quiet = true }, link.Device);
        board.Start();
        using var client = new DeviceLinkClient(link.Host);
        var host = HostCredentials.Create();
        DeviceInfoMessage info = client.Hello();
        Assert.Equal(8, info.ChannelCount);
        Assert.Equal(200, info.SampleRateHz);
        client.Pair(host);
        client.Authenticate(host, info.DeviceId);
        client.StartStream(LinkStreamKind.Raw, 20, 0xFF);
        for (int n = 0; n < 60; n++)
        {
            ReceivedBlock block = client.ReceiveBlock(TimeSpan.FromSeconds(10))!;
            long first = block.TimestampMicros * 200 / 1_000_000;
            for (int i = 0; i < block.Values.Length; i++)
            {
                long frame = (first + (i / 8)) % myo.Frames;
                Assert.Equal(myo.Samples[(frame * 8) + (i % 8)], block.Values[i]);
            }
        }
    }

    [Fact]
    public void The_tcp_transport_serves_the_same_protocol()
    {
        using var board = new VirtualBoard(new VirtualDeviceOptions { Transport = "tcp", Channels = 2, SampleRate = 500, RealTime = false, PairingWindow = TimeSpan.FromMinutes(1), Quiet = true });
        board.Start();
        int port = int.Parse(board.Endpoint!.Split(':')[^1]);
        using var tcp = new TcpClient("127.0.0.1", port);
        using var client = new DeviceLinkClient(tcp.GetStream());
        var host = HostCredentials.Create();
        DeviceInfoMessage info = client.Hello();
        client.Pair(host);
        client.Authenticate(host, info.DeviceId);
        client.StartStream(LinkStreamKind.Raw, 10, 0x1);
        ReceivedBlock block = client.ReceiveBlock(TimeSpan.FromSeconds(10))!;
        Assert.Equal(1, block.ChannelCount);
        Assert.Equal(10, block.SampleCount);
    }

    [Fact]
    public void Dropped_bytes_cost_frames_but_never_deliver_wrong_data()
    {
        const int seed = 4;
        using var link = InProcessLink.Create();
        var options = new VirtualDeviceOptions
        {
            Channels = 8,
            SampleRate = 1000,
            Seed = seed,
            RealTime = false,
            PairingWindow = TimeSpan.FromMinutes(1),
            Quiet = true,
            Impairments = new LinkImpairments { DropRate = 2e-4, Latency = TimeSpan.FromMilliseconds(5), Seed = 3 },
        };
        using var board = new VirtualBoard(options, link.Device);
        board.Impaired!.ErrorsEnabled = false;
        board.Start();
        using var client = new DeviceLinkClient(link.Host);
        var host = HostCredentials.Create();
        DeviceInfoMessage info = client.Hello();
        client.Pair(host);
        client.Authenticate(host, info.DeviceId);
        client.StartStream(LinkStreamKind.Raw, 20, 0xFF);
        board.Impaired.ErrorsEnabled = true;

        var expected = new ExpectedSignal(8, 1000, seed);
        uint last = 0;
        int received = 0;
        while (last < 1500)
        {
            ReceivedBlock block = client.ReceiveBlock(TimeSpan.FromSeconds(10)) ?? throw new Xunit.Sdk.XunitException($"Stream stopped after block {last}.");
            Assert.Equal(expected.Frames(expected.FrameIndexAt(block.TimestampMicros), 20), block.Values);
            last = block.BlockSequence;
            received++;
        }

        int dropped = board.Impaired.DroppedByteIndices().Length;
        Assert.True(dropped > 10, $"Only {dropped} bytes were dropped.");
        Assert.InRange(received, (int)last + 1 - dropped, (int)last + 1);
    }

    [Fact]
    public void The_filtered_stream_is_the_shared_band_filter_applied_to_the_raw_signal()
    {
        const int seed = 8;
        using var link = InProcessLink.Create();
        using var board = new VirtualBoard(new VirtualDeviceOptions { Channels = 4, SampleRate = 2000, Seed = seed, RealTime = false, PairingWindow = TimeSpan.FromMinutes(1), Quiet = true }, link.Device);
        board.Start();
        using var client = new DeviceLinkClient(link.Host);
        var host = HostCredentials.Create();
        DeviceInfoMessage info = client.Hello();
        Assert.NotEqual(0u, info.Capabilities & LinkCapabilities.FilteredStream);
        client.Pair(host);
        client.Authenticate(host, info.DeviceId);
        client.StartStream(LinkStreamKind.Filtered, 20, 0xF);

        var expected = new ExpectedSignal(4, 2000, seed);
        var filter = new Wearable.Kernels.Dsp.BiquadCascade(Wearable.Firmware.Processing.DefaultFrontEnds.BandFor(2000)!, 4);
        var guarded = new int[4 * 20];
        double rawEnergy = 0, filteredEnergy = 0;
        for (int n = 0; n < 200; n++)
        {
            ReceivedBlock block = client.ReceiveBlock(TimeSpan.FromSeconds(10))!;
            Assert.Equal(LinkStreamKind.Filtered, block.Kind);
            Assert.Equal((uint)n, block.BlockSequence);
            short[] raw = expected.Frames(expected.FrameIndexAt(block.TimestampMicros), 20);
            filter.ProcessFrames(raw, 0, guarded, 0, 20);
            short[] want = guarded.Select(g => Wearable.Kernels.Dsp.BiquadCascade.ToInt16(g, filter.GuardBits)).ToArray();
            Assert.Equal(want, block.Values);
            rawEnergy += raw.Sum(v => (double)v * v);
            filteredEnergy += block.Values.Sum(v => (double)v * v);
        }

        // It really filtered: the synthetic signal's 50 Hz hum and out-of-band noise are gone, so less energy.
        Assert.True(filteredEnergy < rawEnergy, $"Filtered energy {filteredEnergy:E2} is not below raw {rawEnergy:E2}.");
        Assert.Equal(LinkErrorCode.StreamNotSupported, Assert.Throws<DeviceLinkException>(() => client.StartStream(LinkStreamKind.Features, 20, 0xF)).Code);
    }
}
