using System.Text;
using Wearable.Firmware;
using Wearable.Firmware.Afe;
using Wearable.Firmware.Board;
using Wearable.Firmware.Hil;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Profiles;
using Wearable.Firmware.Storage;
using Wearable.VirtualDevice.Board;
using Wearable.VirtualDevice.Afe;
using Wearable.VirtualDevice.Sources;
using Wearable.VirtualDevice.Transports;

namespace Wearable.VirtualDevice;

/// <summary>
/// The firmware core on a simulated board: builds the parts from <see cref="VirtualDeviceOptions"/>,
/// boots <see cref="FirmwareDevice"/> and runs its main loop on a thread. In fast mode the loop
/// advances the device clock by one acquisition chunk per pass, so device time runs exactly as fast
/// as the (possibly capped) link drains the stream.
/// </summary>
public sealed class VirtualBoard : IDisposable
{
    private readonly VirtualDeviceOptions _options;
    private readonly VirtualClock _clock;
    private readonly FlashFile? _flash;
    private readonly IDisposable? _ownedTransport;
    private readonly Func<int, bool> _waitReadable;
    private readonly CancellationTokenSource _stop = new();
    private readonly long _chunkMicros;
    private Thread? _loop;
    private Exception? _fault;

    /// <param name="hardwareSource">
    /// A real front end (e.g. an ADS1299 on a Linux board's SPI) to run the core on instead of the
    /// simulated source; the board then serves real samples over the same transports.
    /// </param>
    public VirtualBoard(VirtualDeviceOptions options, IByteTransport? transport = null, Func<IDeviceClock, ISampleSource>? hardwareSource = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _clock = options.RealTime ? VirtualClock.RealTime() : VirtualClock.Fast();
        ClockedSource source = options.Preloaded is not null
            ? new PlaybackSource(_clock, options.Preloaded)
            : options.Source == "synthetic"
            ? new SyntheticSource(_clock, options.Channels, options.SampleRate, options.Seed)
            : options.Source == CuedGestureSource.Name
            ? new CuedGestureSource(_clock, options.Channels, options.SampleRate, options.Seed)
            : new PlaybackSource(_clock, Recording.Load(options.Source));
        Source = source;

        IByteTransport inner;
        if (transport is not null)
        {
            inner = transport;
            _waitReadable = ms =>
            {
                Thread.Sleep(Math.Min(ms, 1));
                return false;
            };
            if (transport is StreamTransport st)
            {
                _waitReadable = st.WaitReadable;
            }
        }
        else if (options.Transport == "tcp")
        {
            var tcp = new TcpTransport(options.TcpPort);
            inner = tcp;
            _ownedTransport = tcp;
            _waitReadable = tcp.WaitReadable;
            Endpoint = "tcp 127.0.0.1:" + tcp.Port;
        }
        else if (options.Transport == "pty")
        {
            var pty = new PseudoTerminal();
            inner = pty;
            _ownedTransport = pty;
            _waitReadable = pty.WaitReadable;
            SlavePath = pty.SlavePath;
            Endpoint = "pty " + pty.SlavePath;
        }
        else
        {
            throw new ArgumentException("The in-process transport is created by the caller: pass it to the constructor.");
        }

        var configuration = new DeviceConfiguration { RingFrames = options.RingFrames, HilKernels = options.HilKernels };
        try
        {
            Impaired = options.Impairments.IsNone ? null : new ImpairedTransport(inner, options.Impairments);
            _flash = new FlashFile(options.FlashFile, options.SlotSize, 2, 1024, FlashLayout.RecordCount);
            PairingButton = new VirtualPairingButton();
            if (options.PairingWindow > TimeSpan.Zero)
            {
                PairingButton.Press(options.PairingWindow);
            }

            Status = new ConsoleStatusIndicator(options.Quiet);
            BoardProfile profile = BoardProfile.FindByName(options.Board);
            Afe = options.Afe == "ads1299" ? new SimulatedAfeSource(_clock, source, SourceNanovoltsPerLsb) : null;
            ISampleSource? hardware = hardwareSource?.Invoke(_clock);
            var board = new DeviceBoard(
                profile,
                null,
                hardware ?? (ISampleSource?)Afe ?? source,
                (IByteTransport?)Impaired ?? inner,
                _clock,
                _flash,
                Status,
                PairingButton,
                new SystemEntropy());
            if ((hardware ?? (ISampleSource?)Afe) is IInputScale scaled)
            {
                board.NanovoltsPerLsb = scaled.NanovoltsPerLsb;
            }
            else if (options.Preloaded is not null)
            {
                // A played recording states its own scale, so the host shows its true microvolts.
                board.NanovoltsPerLsb = options.Preloaded.NanovoltsPerLsb;
            }

            // The id comes from the flash (drawn from the OS RNG on first boot): with --flash-file it is
            // this device's for good, without one every run is a different device.
            board.Presence = inner as IPeerPresence;
            Device = new FirmwareDevice(board, configuration);
            if (options.HilModelFile is not null)
            {
                Device.HilKernels.Register(new AdapterHilKernel(new Wearable.Kernels.Hil.ModelHilAdapter(ModelHilKernelName, File.ReadAllBytes(options.HilModelFile))));
            }

            if (options.PerturbKernel is not null)
            {
                IHilKernel? original = Device.HilKernels.Find(Encoding.ASCII.GetBytes(options.PerturbKernel), options.PerturbKernel.Length);
                if (original is null || !Device.HilKernels.Replace(new PerturbedHilKernel(original)))
                {
                    throw new ArgumentException($"--perturb-kernel: the device has no HIL kernel '{options.PerturbKernel}'.");
                }
            }

            Device.Boot();
        }
        catch
        {
            // A bad flash file or an over-budget configuration: do not leave the pty or socket open.
            Impaired?.Dispose();
            _ownedTransport?.Dispose();
            _flash?.Dispose();
            throw;
        }

        _chunkMicros = Math.Max(1, configuration.AcquisitionChunkFrames * 1_000_000L / source.SampleRate);
    }

    /// <summary>Input-referred scale of the synthetic and recorded sources (what DeviceBoard reports by default).</summary>
    public const int SourceNanovoltsPerLsb = 1000;

    /// <summary>The simulated ADS1299 path (--afe ads1299), or null when the source feeds the core directly.</summary>
    public SimulatedAfeSource? Afe { get; }

    /// <summary>The simulated ADC (its <see cref="ClockedSource.EntryLog"/> times samples for latency benches).</summary>
    public ClockedSource Source { get; }

    /// <summary>HIL kernel name of the model given with --hil-model.</summary>
    public const string ModelHilKernelName = "model.example";

    /// <summary>The core running on this board.</summary>
    public FirmwareDevice Device { get; }

    /// <summary>The impairment layer (null without impairments): its logs name the damaged bytes.</summary>
    public ImpairedTransport? Impaired { get; }

    public VirtualPairingButton PairingButton { get; }

    public ConsoleStatusIndicator Status { get; }

    public IDeviceClock Clock => _clock;

    /// <summary>The /dev/pts/N path with the pty transport, else null.</summary>
    public string? SlavePath { get; }

    /// <summary>"pty /dev/pts/N" or "tcp 127.0.0.1:PORT" (null in-process): what Program prints.</summary>
    public string? Endpoint { get; }

    /// <summary>The exception that stopped the loop, if any.</summary>
    public Exception? Fault => _fault;

    /// <summary>Runs the main loop on a background thread.</summary>
    public void Start()
    {
        _loop = new Thread(() => Run(_stop.Token)) { IsBackground = true, Name = "virtual-device-main" };
        _loop.Start();
    }

    /// <summary>Runs the main loop on this thread until cancelled.</summary>
    public void Run(CancellationToken cancel)
    {
        try
        {
            long lastWall = Environment.TickCount64;
            while (!cancel.IsCancellationRequested && !_stop.IsCancellationRequested)
            {
                bool busy = Device.Poll();
                if (!_clock.IsRealTime)
                {
                    if (Device.Stream.Streaming)
                    {
                        // One acquisition chunk of device time per pass: the link's back-pressure sets the pace.
                        _clock.Advance(_chunkMicros);
                        lastWall = Environment.TickCount64;
                        continue;
                    }

                    long now = Environment.TickCount64;
                    _clock.Advance((now - lastWall) * 1000);
                    lastWall = now;
                }

                if (!busy)
                {
                    _waitReadable(1);
                }
            }
        }
        catch (Exception ex)
        {
            _fault = ex;
            if (!_options.Quiet)
            {
                Console.Error.WriteLine("virtual device stopped: " + ex);
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop?.Join(TimeSpan.FromSeconds(5));
        Impaired?.Dispose();
        _ownedTransport?.Dispose();
        _flash?.Dispose();
    }
}
