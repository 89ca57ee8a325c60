using System;
using Wearable.Firmware.Acquisition;
using Wearable.Firmware.Board;
using Wearable.Firmware.Calibration;
using Wearable.Firmware.Commands;
using Wearable.Firmware.Hil;
using Wearable.Kernels.Hil;
using Wearable.Firmware.Pairing;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Profiles;
using Wearable.Firmware.Slots;
using Wearable.Firmware.Storage;
using Wearable.Kernels.Dsp;
using Wearable.Kernels.Link;

namespace Wearable.Firmware
{
    /// <summary>
    /// The board-independent firmware: checks the configuration against the board's RAM budget,
    /// allocates every buffer once, restores slots, pairings, calibration and the nonce counter from
    /// flash, then runs as a cooperative main loop: each <see cref="Poll"/> reads link bytes and
    /// answers requests, moves ADC frames into the ring and streams complete blocks. A board layer
    /// calls <see cref="Poll"/> forever (nanoFramework main thread, Meadow app loop, virtual board).
    /// </summary>
    public sealed class FirmwareDevice
    {
        private readonly DeviceBoard _board;
        private readonly BufferPlan _plan;
        private readonly SampleRing _ring;
        private readonly AcquisitionStage _acquisition;
        private readonly LinkDecoder _decoder = new LinkDecoder();
        private readonly LinkPort _port;
        private readonly ModelSlots _slots;
        private readonly PairingStore _pairings;
        private readonly NonceSource _nonces;
        private readonly SessionAuthenticator _session;
        private readonly CalibrationStore _calibration;
        private readonly StreamEngine _stream;
        private readonly ActiveModelLoader _activeModel;
        private readonly CommandDispatcher _dispatcher;
        private readonly ModelContainerValidator _admission;
        private string _modelProblem = string.Empty;
        private long _lastFailureReportMicros;
        private readonly LinkSession _linkSession;
        private readonly DeviceIdentity _identity;
        private readonly IPeerPresence _presence;
        private int _seenPeerChanges;
        private readonly byte[] _rx = new byte[512];
        private readonly HilKernelRegistry _hilKernels = new HilKernelRegistry();

        public FirmwareDevice(DeviceBoard board, DeviceConfiguration configuration)
        {
            if (board == null)
            {
                throw new ArgumentNullException("board");
            }

            if (configuration == null)
            {
                throw new ArgumentNullException("configuration");
            }

            if (board.Flash.RecordCount < FlashLayout.RecordCount || board.Flash.RecordSize < FlashLayout.MinimumRecordSize)
            {
                throw new ArgumentException(
                    "The flash store needs " + FlashLayout.RecordCount.ToString() + " records of at least "
                    + FlashLayout.MinimumRecordSize.ToString() + " B.",
                    "board");
            }

            BiquadCascadeParameters band = configuration.FilteredBand;
            if (band == null)
            {
                band = DefaultFrontEnds.BandFor(board.Source.SampleRate);
            }

            // Coefficients and biquad state of the stream's filter; with the HIL on, the band-filter HIL
            // kernel's own state and int16/int32 scratch for the largest HilRun input, and the adapters'.
            int sectionBytes = band == null ? 0 : band.SectionCount * BiquadCascadeParameters.CoefficientsPerSection * 4;
            int frontEndBytes = sectionBytes * (1 + board.Source.Channels);
            int hilBytes = !configuration.HilKernels ? 0
                : BufferPlan.HilAdapterScratchBytes + (band == null ? 0 : (sectionBytes * board.Source.Channels) + ((HilRunMessage.MaxInputLength / 2) * (2 + 4)));
            _plan = new BufferPlan(
                board.Source.Channels,
                board.Source.SampleRate,
                configuration.RingFrames,
                configuration.MaxBlockFrames,
                configuration.AcquisitionChunkFrames,
                LinkProtocol.MaxRawFrameLength,
                configuration.ModelArenaBytes,
                frontEndBytes,
                hilBytes);
            _plan.CheckFits(board.Profile);

            _board = board;
            _ring = new SampleRing(board.Source.Channels, configuration.RingFrames);
            _acquisition = new AcquisitionStage(board.Source, _ring, configuration.AcquisitionChunkFrames);
            _port = new LinkPort(board.Transport);
            _slots = new ModelSlots(board.Flash, FlashLayout.SlotTableRecord);
            if (configuration.ValidateModels)
            {
                _admission = new ModelContainerValidator(
                    board.Source.Channels,
                    board.Source.SampleRate,
                    _plan.ModelRoomBytes(board.Profile),
                    "board " + board.Profile.Name + " has " + BufferPlan.FormatBytes(board.Profile.BufferRamBytes) + ", the core's buffers take " + BufferPlan.FormatBytes(_plan.CoreBytes));
                _slots.Validator = _admission;
            }

            _pairings = new PairingStore(board.Flash, FlashLayout.PairingRecord);
            _nonces = new NonceSource(board.Flash, FlashLayout.NonceCounterRecord, board.Entropy);
            _session = new SessionAuthenticator(_pairings, _nonces);
            _calibration = new CalibrationStore(board.Flash, FlashLayout.CalibrationRecord);
            _activeModel = new ActiveModelLoader(_slots);
            _stream = new StreamEngine(_ring, board.Clock, _port, board.Source.SampleRate, configuration.MaxBlockFrames, board.Clock.Microseconds, band);
            if (configuration.HilKernels)
            {
                if (band != null)
                {
                    _hilKernels.Register(new BandFilterHilKernel(band, board.Source.Channels, HilRunMessage.MaxInputLength));
                }

                HilAdapter[] adapters = HilAdapterCatalog.CreateAll();
                for (int i = 0; i < adapters.Length; i++)
                {
                    _hilKernels.Register(new AdapterHilKernel(adapters[i]));
                }
            }

            _identity = new DeviceIdentity(board.Flash, FlashLayout.DeviceIdentityRecord, board.DeviceId, board.Entropy);
            _presence = board.Presence;
            _seenPeerChanges = _presence == null ? 0 : _presence.PeerChanges;
            _linkSession = new LinkSession(_session, _stream, _slots, _port);
            _dispatcher = new CommandDispatcher(BuildCommandTable(board), _linkSession, _port);
        }

        // Every request this firmware serves, registered once by the family that answers it.
        private CommandTable BuildCommandTable(DeviceBoard board)
        {
            var table = new CommandTable();
            new SessionCommands(board, _identity.Id, _port, _linkSession, _pairings, _slots, _stream, _hilKernels).Register(table);
            new PairingCommands(board.PairingButton, _identity.Id, _port, _linkSession, _pairings).Register(table);
            new StreamCommands(board.Clock, board.Source.Channels, _port, _slots, _stream).Register(table);
            new TimeSyncCommands(board.Clock, _port).Register(table);
            new ConfigCommands(board.Source, _port, _slots, _plan, _stream).Register(table);
            new CalibrationCommands(board.Source.Channels, _port, _calibration).Register(table);
            new ModelUploadCommands(_port, _slots, _stream, board.Profile).Register(table);
            new HilCommands(_port, board.Clock, _hilKernels).Register(table);
            return table;
        }

        /// <summary>The buffer sizes this device allocated.</summary>
        public BufferPlan Plan { get { return _plan; } }

        public ModelSlots Slots { get { return _slots; } }

        public PairingStore Pairings { get { return _pairings; } }

        public SampleRing Ring { get { return _ring; } }

        public LinkDecoder Decoder { get { return _decoder; } }

        public LinkPort Port { get { return _port; } }

        public StreamEngine Stream { get { return _stream; } }

        public CommandDispatcher Dispatcher { get { return _dispatcher; } }

        /// <summary>Kernels HilRun can run; board layers may register more before the first Poll.</summary>
        public HilKernelRegistry HilKernels { get { return _hilKernels; } }

        public bool IsAuthenticated { get { return _session.IsAuthenticated; } }

        /// <summary>The 16-byte id in DeviceInfo and in the device's proof (the board's, or generated and kept in flash).</summary>
        public byte[] DeviceId { get { return _identity.Id; } }

        /// <summary>Sessions ended by a Hello or by the transport reporting a peer change.</summary>
        public int SessionsEnded { get { return _linkSession.Ended; } }

        /// <summary>Restores persistent state; call once before the first <see cref="Poll"/>.</summary>
        public void Boot()
        {
            _identity.Load();
            _slots.Boot();
            _pairings.Load();
            _nonces.Load();
            _calibration.Load();
            RefreshModel();
            _board.Status.Show(DeviceStatus.Idle);
        }

        /// <summary>
        /// One pass of the main loop. Returns true when it did any work (the board may idle otherwise).
        /// Never throws: on nanoCLR an uncaught exception ends the program silently, so each stage catches
        /// its own failure, reports it on the link (Error Internal) and leaves the device serving.
        /// </summary>
        public bool Poll()
        {
            bool busy = ServiceLink();
            try
            {
                // Nobody listening: the ADC is still drained (so its index keeps time) but nothing is stored.
                if (_acquisition.Poll(_stream.Streaming) > 0)
                {
                    busy = true;
                }

                _stream.Poll();
            }
            catch (Exception ex)
            {
                _stream.Stop();
                ReportFailure("stream stopped: ", ex);
            }

            // A commit or rollback changed the active slot: load it between requests, not mid-command.
            if (_activeModel.IsStale && !_slots.Uploading)
            {
                RefreshModel();
                busy = true;
            }

            _board.Status.Show(CurrentStatus());
            return busy;
        }

        /// <summary>The active model as loaded for the InferenceEvents stream (its pipeline, labels, or why it cannot run).</summary>
        public ActiveModelLoader ActiveModel { get { return _activeModel; } }

        /// <summary>Why the active slot is not running: the loader's reason, a RAM budget refusal or a load failure (empty when it runs or there is none).</summary>
        public string ModelProblem { get { return _modelProblem.Length > 0 ? _modelProblem : _activeModel.Problem; } }

        private bool ServiceLink()
        {
            try
            {
                int n = _board.Transport.Read(_rx, 0, _rx.Length);

                // Read after the bytes: a transport changes it before a new peer's first byte is readable,
                // so bytes from a new peer never reach the previous peer's session.
                bool busy = false;
                if (_presence != null && _presence.PeerChanges != _seenPeerChanges)
                {
                    _seenPeerChanges = _presence.PeerChanges;
                    _decoder.Reset();
                    _linkSession.End();
                    busy = true;
                }

                if (n > 0)
                {
                    _decoder.Push(_rx, 0, n, _dispatcher);
                    busy = true;
                }

                return busy;
            }
            catch (Exception ex)
            {
                // A failing request (flash error, a bug): the rest of this read is lost; the host's request
                // times out and it retries.
                _decoder.Reset();
                ReportFailure("internal failure: ", ex);
                return true;
            }
        }

        // Loads the newly active model: the one parsed at its commit when there is one (the file is read
        // once), else from flash; either way only if it fits the RAM the core left for it.
        private void RefreshModel()
        {
            try
            {
                _modelProblem = string.Empty;
                AdmittedModel admitted = _admission == null ? null : _admission.TakeAdmitted();
                ModelFootprint footprint;
                if (admitted != null && admitted.Slot == _slots.ActiveSlot && admitted.Size == _slots.ActiveSize)
                {
                    _activeModel.Install(admitted.Pipeline, admitted.Model.Labels);
                    footprint = admitted.Footprint;
                }
                else
                {
                    _activeModel.Refresh();
                    footprint = _activeModel.Pipeline == null ? null : ModelFootprint.Of(_slots.ActiveSize, _activeModel.Pipeline);
                }

                int room = _plan.ModelRoomBytes(_board.Profile);
                if (footprint != null && footprint.TotalBytes > room)
                {
                    // Committed under another profile (or before budgets were checked): keep it in flash, do not run it.
                    _modelProblem = "the model needs " + footprint.Describe() + "; " + BufferPlan.FormatBytes(room) + " are left for a model on board " + _board.Profile.Name;
                    _activeModel.Install(null, null);
                    footprint = null;
                }

                _plan.UseModel(_activeModel.Pipeline == null ? null : footprint);
                _stream.SetModel(_activeModel.Pipeline);
            }
            catch (Exception ex)
            {
                _activeModel.Install(null, null);
                _plan.UseModel(null);
                _stream.SetModel(null);
                _modelProblem = "the active model could not be loaded: " + ex.Message;
                ReportFailure("model not loaded: ", ex);
            }
        }

        // Reports on the link, at most once a second (a dead ADC fails on every pass); if the link itself
        // is what fails, there is nobody to tell.
        private void ReportFailure(string what, Exception ex)
        {
            FailuresCaught++;
            long now = _board.Clock.Microseconds;
            if (FailuresCaught > 1 && now - _lastFailureReportMicros < 1000000L)
            {
                return;
            }

            _lastFailureReportMicros = now;
            try
            {
                _port.Report(LinkErrorCode.Internal, LinkMessageType.None, what + ex.Message);
            }
            catch (Exception)
            {
            }
        }

        /// <summary>Device-side failures caught and reported by <see cref="Poll"/> and <see cref="Boot"/>.</summary>
        public int FailuresCaught { get; private set; }

        private int CurrentStatus()
        {
            if (_slots.Uploading)
            {
                return DeviceStatus.Uploading;
            }

            if (_stream.Streaming)
            {
                return DeviceStatus.Streaming;
            }

            if (_board.PairingButton.IsPairingWindowOpen)
            {
                return DeviceStatus.PairingWindow;
            }

            return _session.IsAuthenticated ? DeviceStatus.Authenticated : DeviceStatus.Idle;
        }
    }
}
