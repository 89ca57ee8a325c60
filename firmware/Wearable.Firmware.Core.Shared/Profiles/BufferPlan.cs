using System;

namespace Wearable.Firmware.Profiles
{
    /// <summary>
    /// The buffer sizes a device configuration implies, computed before anything is allocated so that
    /// a configuration that does not fit the board is refused with the numbers instead of failing
    /// half-way with an out-of-memory on the device.
    /// </summary>
    public sealed class BufferPlan
    {
        /// <summary>
        /// Scratch the HIL kernel adapters of <c>Wearable.Kernels.Hil.HilAdapterCatalog</c> allocate together
        /// (measured on .NET by HilBudgetTests, which fails when the catalog outgrows it). Counted only
        /// when the HIL is enabled: without it the adapters are never constructed.
        /// </summary>
        public const int HilAdapterScratchBytes = 53248;

        public BufferPlan(int channels, int sampleRate, int ringFrames, int blockFrames, int acquisitionChunkFrames, int maxFrameBytes, int modelArenaBytes, int frontEndBytes)
            : this(channels, sampleRate, ringFrames, blockFrames, acquisitionChunkFrames, maxFrameBytes, modelArenaBytes, frontEndBytes, 0)
        {
        }

        /// <param name="modelArenaBytes">Working memory reserved for a model before one is loaded (then the loaded model's own).</param>
        /// <param name="hilBytes">Scratch of the HIL kernels (0 when the HIL is off).</param>
        public BufferPlan(int channels, int sampleRate, int ringFrames, int blockFrames, int acquisitionChunkFrames, int maxFrameBytes, int modelArenaBytes, int frontEndBytes, int hilBytes)
        {
            if (channels < 1 || sampleRate < 1 || ringFrames < 1 || blockFrames < 1 || acquisitionChunkFrames < 1 || maxFrameBytes < 16 || modelArenaBytes < 0 || frontEndBytes < 0 || hilBytes < 0)
            {
                throw new ArgumentOutOfRangeException("channels", "Every buffer size must be positive.");
            }

            Channels = channels;
            SampleRate = sampleRate;
            RingFrames = ringFrames;
            BlockFrames = blockFrames;
            AcquisitionChunkFrames = acquisitionChunkFrames;
            MaxFrameBytes = maxFrameBytes;
            ModelArenaBytes = modelArenaBytes;
            FrontEndBytes = frontEndBytes;
            HilBytes = hilBytes;
            ReservedModelBytes = modelArenaBytes;
        }

        public int Channels { get; private set; }

        public int SampleRate { get; private set; }

        /// <summary>Frames the acquisition ring holds (the slack between ADC and link).</summary>
        public int RingFrames { get; private set; }

        /// <summary>Frames per streamed sample block.</summary>
        public int BlockFrames { get; private set; }

        /// <summary>Frames fetched from the ADC per acquisition call.</summary>
        public int AcquisitionChunkFrames { get; private set; }

        /// <summary>The link's largest frame (payload plus header and CRC, before COBS).</summary>
        public int MaxFrameBytes { get; private set; }

        /// <summary>
        /// Working memory of the active model: its arena, scratch and window once one is loaded, the
        /// configured reservation (usually 0) while none is.
        /// </summary>
        public int ModelArenaBytes { get; private set; }

        /// <summary>Parameters (weights and tables) of the active model, 0 when none is loaded.</summary>
        public int ModelParameterBytes { get; private set; }

        /// <summary>The configuration's model reservation (DeviceConfiguration.ModelArenaBytes).</summary>
        public int ReservedModelBytes { get; private set; }

        /// <summary>Scratch of the HIL kernels, 0 when the HIL is off.</summary>
        public int HilBytes { get; private set; }

        /// <summary>Everything but the model: what the core allocated at start-up.</summary>
        public int CoreBytes { get { return RingBytes + BlockBytes + AcquisitionBytes + LinkBytes + FrontEndBytes + HilBytes; } }

        /// <summary>Bytes of <paramref name="board"/>'s buffer RAM a model may use: what the core left over.</summary>
        public int ModelRoomBytes(BoardProfile board)
        {
            return board.BufferRamBytes - CoreBytes;
        }

        /// <summary>Records the model now running (null: none, back to the reservation).</summary>
        public void UseModel(ModelFootprint model)
        {
            ModelArenaBytes = model == null ? ReservedModelBytes : model.ArenaBytes + model.WindowBytes;
            ModelParameterBytes = model == null ? 0 : model.ParameterBytes;
        }

        /// <summary>Filter state and coefficients of the front end (0 when none runs).</summary>
        public int FrontEndBytes { get; private set; }

        /// <summary>The ring of int16 frames.</summary>
        public int RingBytes { get { return Channels * RingFrames * 2; } }

        /// <summary>One block as int16 samples plus its int32 (guarded) front-end output.</summary>
        public int BlockBytes { get { return Channels * BlockFrames * (2 + 4); } }

        /// <summary>The acquisition scratch chunk.</summary>
        public int AcquisitionBytes { get { return Channels * AcquisitionChunkFrames * 2; } }

        /// <summary>Receive frame, transmit payload, transmit frame and its COBS encoding.</summary>
        public int LinkBytes { get { return (3 * MaxFrameBytes) + MaxFrameBytes + (MaxFrameBytes / 254) + 2; } }

        /// <summary>Everything the configuration allocates for buffers.</summary>
        public int TotalBytes { get { return CoreBytes + ModelArenaBytes + ModelParameterBytes; } }

        /// <summary>
        /// Refuses (with <see cref="BudgetExceededException"/>) a plan that needs more than the board's
        /// buffer RAM, a single array larger than the board can place, or more channels or a higher
        /// rate than its front end delivers.
        /// </summary>
        public void CheckFits(BoardProfile board)
        {
            if (board == null)
            {
                throw new ArgumentNullException("board");
            }

            if (Channels > board.MaxChannels)
            {
                throw new BudgetExceededException(
                    "The configuration asks for " + Channels.ToString() + " channels; board " + board.Name
                    + " delivers at most " + board.MaxChannels.ToString() + ".",
                    Channels,
                    board.MaxChannels);
            }

            if (SampleRate > board.MaxSampleRate)
            {
                throw new BudgetExceededException(
                    "The configuration asks for " + SampleRate.ToString() + " Hz; board " + board.Name
                    + " samples at most " + board.MaxSampleRate.ToString() + " Hz.",
                    SampleRate,
                    board.MaxSampleRate);
            }

            if (RingBytes > board.MaxArrayBytes)
            {
                throw new BudgetExceededException(
                    "The sample ring needs one array of " + FormatBytes(RingBytes) + "; board " + board.Name
                    + " places arrays of at most " + FormatBytes(board.MaxArrayBytes) + ": shorten the ring.",
                    RingBytes,
                    board.MaxArrayBytes);
            }

            int total = TotalBytes;
            if (total > board.BufferRamBytes)
            {
                throw new BudgetExceededException(
                    "The configuration needs " + FormatBytes(total) + ", board " + board.Name + " has "
                    + FormatBytes(board.BufferRamBytes) + " free for buffers (ring " + FormatBytes(RingBytes)
                    + ", blocks " + FormatBytes(BlockBytes) + ", acquisition " + FormatBytes(AcquisitionBytes)
                    + ", link " + FormatBytes(LinkBytes) + ", front end " + FormatBytes(FrontEndBytes)
                    + ", HIL " + FormatBytes(HilBytes) + ", model arena " + FormatBytes(ModelArenaBytes)
                    + "): use fewer channels, a shorter ring or smaller blocks.",
                    total,
                    board.BufferRamBytes);
            }
        }

        /// <summary>"41 230 B": digits grouped by three with a space, as in the SI style.</summary>
        public static string FormatBytes(int bytes)
        {
            string digits = bytes.ToString();
            int start = bytes < 0 ? 1 : 0;
            string grouped = string.Empty;
            int count = 0;
            for (int i = digits.Length - 1; i >= start; i--)
            {
                if (count > 0 && count % 3 == 0)
                {
                    grouped = " " + grouped;
                }

                grouped = digits.Substring(i, 1) + grouped;
                count++;
            }

            return (start == 1 ? "-" : string.Empty) + grouped + " B";
        }
    }
}
