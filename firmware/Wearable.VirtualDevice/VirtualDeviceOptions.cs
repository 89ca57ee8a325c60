using System.Globalization;
using Wearable.VirtualDevice.Transports;

namespace Wearable.VirtualDevice;

/// <summary>Everything the virtual device can be told on its command line (docs/virtual-device.md).</summary>
public sealed record VirtualDeviceOptions
{
    /// <summary>"synthetic", "gestures" (a wearer who holds the gesture the host cues), or a path to a Myo .dat / Muse .csv recording to play back.</summary>
    public string Source { get; init; } = "synthetic";

    /// <summary>A recording already in memory (e.g. converted from EDF by the CLI); overrides <see cref="Source"/>.</summary>
    public Sources.Recording? Preloaded { get; init; }

    public int Seed { get; init; } = 1;

    public int Channels { get; init; } = 16;

    public int SampleRate { get; init; } = 2000;

    /// <summary>"pty", "tcp" or "inproc" (in-process: only from code).</summary>
    public string Transport { get; init; } = "pty";

    /// <summary>TCP port on 127.0.0.1 (0 = any free port, printed at start).</summary>
    public int TcpPort { get; init; }

    /// <summary>Device time follows the wall clock; otherwise it runs as fast as the link drains samples.</summary>
    public bool RealTime { get; init; } = true;

    public LinkImpairments Impairments { get; init; } = LinkImpairments.None;

    /// <summary>File the flash (model slots, pairing, calibration) persists in; null = memory only.</summary>
    public string? FlashFile { get; init; }

    public int SlotSize { get; init; } = 256 * 1024;

    /// <summary>
    /// Register the HIL kernels (and spend their RAM): null = on with the "virtual" board profile (rigs,
    /// tests), off with a real board's profile, whose production build ships without them.
    /// </summary>
    public bool? Hil { get; init; }

    /// <summary>Whether this device registers the HIL kernels (<see cref="Hil"/> resolved for <see cref="Board"/>).</summary>
    public bool HilKernels => Hil ?? Board == "virtual";

    /// <summary>How long the pairing window is open after start (0 = closed until 'p' is pressed).</summary>
    public TimeSpan PairingWindow { get; init; }

    /// <summary>Window opened by pressing 'p'.</summary>
    public TimeSpan KeyPairingWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Board profile name whose RAM budget applies (esp32, esp32s3, meadow, virtual).</summary>
    public string Board { get; init; } = "virtual";

    /// <summary>"none": the source feeds the core directly; "ads1299": through a simulated ADS1299 and the portable driver.</summary>
    public string Afe { get; init; } = "none";

    public int RingFrames { get; init; } = 256;

    public bool Quiet { get; init; }

    /// <summary>HIL kernel whose device-side output is made off by one (proves the rig catches errors); null = none.</summary>
    public string? PerturbKernel { get; init; }

    /// <summary>Model file registered as the HIL kernel "model.example" (the board's loaded model); null = none.</summary>
    public string? HilModelFile { get; init; }

    public const string Usage =
        "Wearable.VirtualDevice [options]\n" +
        "  --source synthetic|gestures|<file.dat|file.csv>  signal (default synthetic sEMG-like bursts; gestures: holds the gesture a cued recording asks for)\n" +
        "  --seed N                 seed of the synthetic signal (default 1)\n" +
        "  --channels N --rate HZ   synthetic channels and rate (default 16 x 2000)\n" +
        "  --transport pty|tcp      link (default pty; prints the /dev/pts path)\n" +
        "  --port N                 TCP port on 127.0.0.1 (default 0 = any)\n" +
        "  --fast                   device time runs as fast as the link allows (default real time)\n" +
        "  --baud N                 cap the link like a UART at N baud (10 bits per byte)\n" +
        "  --ble esp32|1m|2m        cap the link like a BLE connection\n" +
        "  --latency-ms N           one-way delay\n" +
        "  --drop-rate P --corrupt-rate P --impair-seed N   device-to-host byte errors\n" +
        "  --flash-file PATH        persist model slots, pairing and calibration\n" +
        "  --slot-size BYTES        bytes per model slot (default 262144)\n" +
        "  --pairing-window SEC     accept pairing for SEC seconds after start ('p' + Enter opens 30 s)\n" +
        "  --board NAME             RAM budget to enforce: esp32, esp32s3, meadow, virtual\n" +
        "  --afe none|ads1299       read the source through a simulated ADS1299 and the real driver (rate 250..16000 SPS)\n" +
        "  --ring-frames N          acquisition ring size in frames (default 256)\n" +
        "  --quiet                  no status lines on stderr\n" +
        "  --perturb-kernel NAME    make HIL kernel NAME's output off by one on this device (rig self-test)\n" +
        "  --hil-model FILE         register FILE's model as HIL kernel model.example\n" +
        "  --hil, --no-hil          HIL kernels and their RAM on or off (default: on with --board virtual only)";

    /// <summary>Parses arguments; throws <see cref="ArgumentException"/> with a usable message.</summary>
    public static VirtualDeviceOptions Parse(string[] args)
    {
        var o = new VirtualDeviceOptions();
        int baud = 0;
        string? ble = null;
        var impair = LinkImpairments.None;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string Value()
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{name} needs a value.");
                }

                return args[++i];
            }

            switch (name)
            {
                case "--source": o = o with { Source = Value() }; break;
                case "--seed": o = o with { Seed = Int(name, Value()) }; break;
                case "--channels": o = o with { Channels = Int(name, Value()) }; break;
                case "--rate": o = o with { SampleRate = Int(name, Value()) }; break;
                case "--transport": o = o with { Transport = Value() }; break;
                case "--port": o = o with { TcpPort = Int(name, Value()) }; break;
                case "--fast": o = o with { RealTime = false }; break;
                case "--baud": baud = Int(name, Value()); break;
                case "--ble": ble = Value(); break;
                case "--latency-ms": impair = impair with { Latency = TimeSpan.FromMilliseconds(Int(name, Value())) }; break;
                case "--drop-rate": impair = impair with { DropRate = Probability(name, Value()) }; break;
                case "--corrupt-rate": impair = impair with { CorruptionRate = Probability(name, Value()) }; break;
                case "--impair-seed": impair = impair with { Seed = Int(name, Value()) }; break;
                case "--flash-file": o = o with { FlashFile = Value() }; break;
                case "--slot-size": o = o with { SlotSize = Int(name, Value()) }; break;
                case "--pairing-window": o = o with { PairingWindow = TimeSpan.FromSeconds(Int(name, Value())) }; break;
                case "--board": o = o with { Board = Value() }; break;
                case "--afe": o = o with { Afe = Value() }; break;
                case "--ring-frames": o = o with { RingFrames = Int(name, Value()) }; break;
                case "--quiet": o = o with { Quiet = true }; break;
                case "--perturb-kernel": o = o with { PerturbKernel = Value() }; break;
                case "--hil-model": o = o with { HilModelFile = Value() }; break;
                case "--hil": o = o with { Hil = true }; break;
                case "--no-hil": o = o with { Hil = false }; break;
                default: throw new ArgumentException($"Unknown option '{name}'.");
            }
        }

        if (baud > 0 && ble is not null)
        {
            throw new ArgumentException("Use either --baud or --ble, not both.");
        }

        if (baud > 0)
        {
            impair = impair with { BytesPerSecond = LinkImpairments.UartBytesPerSecond(baud) };
        }
        else if (ble is not null)
        {
            impair = impair with { BytesPerSecond = LinkImpairments.BleBytesPerSecond(ble) };
        }

        o = o with { Impairments = impair };
        o.Validate();
        return o;
    }

    /// <summary>Checks ranges (also for options built in code).</summary>
    public void Validate()
    {
        if (Transport is not ("pty" or "tcp" or "inproc"))
        {
            throw new ArgumentException($"--transport must be pty or tcp, not '{Transport}'.");
        }

        if (Channels is < 1 or > 32)
        {
            throw new ArgumentException($"--channels must be 1..32, not {Channels}.");
        }

        if (SampleRate is < 1 or > 64000)
        {
            throw new ArgumentException($"--rate must be 1..64000 Hz, not {SampleRate}.");
        }

        if (Afe is not ("none" or "ads1299"))
        {
            throw new ArgumentException($"--afe must be none or ads1299, not '{Afe}'.");
        }

        if (SlotSize < 1024)
        {
            throw new ArgumentException($"--slot-size must be at least 1024 bytes, not {SlotSize}.");
        }
    }

    private static int Int(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{name} needs a whole number, not '{text}'.");

    private static double Probability(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value is >= 0 and <= 1
            ? value
            : throw new ArgumentException($"{name} needs a probability in [0, 1], not '{text}'.");
}
