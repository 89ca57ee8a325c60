using System;
using Wearable.Firmware.Board;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Profiles;
using Wearable.Firmware.Storage;

namespace Wearable.Firmware.Replay
{
    /// <summary>
    /// The firmware core on a board made only of memory: a recording as its ADC, a scripted link, RAM
    /// slots and a clock that advances one acquisition chunk per main-loop pass. Given the same host
    /// bytes at the same passes it writes the same bytes on every runtime, which is how the streaming HIL
    /// compares nanoFramework's interpreter with .NET (docs/nanoframework.md).
    /// </summary>
    public sealed class ReplayDevice
    {
        /// <summary>Bytes a pass may write; a stream block with events alongside stays far below it.</summary>
        public const int OutputCapacity = 8192;

        private readonly SteppedClock _clock = new SteppedClock();
        private readonly ScriptedTransport _transport;
        private readonly FirmwareDevice _device;
        private readonly int _sampleRate;
        private readonly int _chunkFrames;
        private long _passes;

        /// <param name="profile">The board whose RAM budget the core checks (ESP32 for the device question).</param>
        /// <param name="frames">Interleaved int16 frames the ADC plays, looping.</param>
        /// <param name="deviceId">16 bytes; fixed so DeviceInfo and the proofs repeat.</param>
        /// <param name="slotSize">Bytes per model slot in RAM.</param>
        public ReplayDevice(BoardProfile profile, short[] frames, int channels, int sampleRate, byte[] deviceId, int slotSize, uint entropySeed)
        {
            var configuration = new DeviceConfiguration();
            _transport = new ScriptedTransport(4096, OutputCapacity);
            var parts = new ReplayBoardParts(entropySeed);
            var board = new DeviceBoard(
                profile,
                deviceId,
                new ReplaySampleSource(frames, channels, sampleRate, _clock),
                _transport,
                _clock,
                new RamSlotStore(2, slotSize, FlashLayout.RecordCount, FlashLayout.MinimumRecordSize),
                parts,
                parts,
                parts);
            _device = new FirmwareDevice(board, configuration);
            _sampleRate = sampleRate;
            _chunkFrames = configuration.AcquisitionChunkFrames;
            _device.Boot();
        }

        public FirmwareDevice Device { get { return _device; } }

        /// <summary>What the last <see cref="Step"/> wrote (the first <see cref="OutputLength"/> bytes).</summary>
        public byte[] Output { get { return _transport.Output; } }

        public int OutputLength { get { return _transport.OutputLength; } }

        /// <summary>Main-loop passes so far.</summary>
        public long Passes { get { return _passes; } }

        /// <summary>
        /// Hands the device <paramref name="count"/> host bytes, runs one main-loop pass and moves the clock
        /// on by one acquisition chunk; returns the bytes the pass wrote (in <see cref="Output"/>).
        /// </summary>
        public int Step(byte[] input, int offset, int count)
        {
            _transport.ClearOutput();
            if (input != null)
            {
                _transport.Deliver(input, offset, count);
            }

            _device.Poll();
            _passes++;
            // From the pass count, not by adding, so a rate that does not divide 10^6 never drifts.
            _clock.Microseconds = _passes * _chunkFrames * 1000000L / _sampleRate; // safe division: the rate is positive (checked by the source)
            return _transport.OutputLength;
        }
    }
}
