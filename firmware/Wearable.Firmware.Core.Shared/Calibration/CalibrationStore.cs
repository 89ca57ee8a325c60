using System;
using Wearable.Firmware.Board;
using Wearable.Firmware.Storage;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Calibration
{
    /// <summary>
    /// Per-channel calibration kept in flash: gain (Q16.16), offset (raw LSB) and a noise threshold
    /// (raw LSB, used by zero-crossing / slope-sign features and spike encoders). Channels never
    /// calibrated read as unity gain, zero offset, zero threshold.
    /// Payload: count u8, then per channel gain i32, offset i16, threshold i16.
    /// </summary>
    public sealed class CalibrationStore
    {
        public const int MaxChannels = 64;
        public const int UnityGain = 65536;
        private const int EntryLength = 8;

        private readonly DurableRecord _record;
        private readonly byte[] _payload = new byte[1 + (MaxChannels * EntryLength)];
        private readonly int[] _gain = new int[MaxChannels];
        private readonly short[] _offset = new short[MaxChannels];
        private readonly short[] _threshold = new short[MaxChannels];
        private int _count;

        public CalibrationStore(IFlashSlotStore store, int firstRecord)
        {
            _record = new DurableRecord(store, firstRecord, 1 + (MaxChannels * EntryLength));
            ResetValues();
        }

        /// <summary>Channels with a stored calibration.</summary>
        public int ChannelCount { get { return _count; } }

        public int GainQ16(int channel) { return _gain[channel]; }

        public short OffsetLsb(int channel) { return _offset[channel]; }

        public short NoiseThresholdLsb(int channel) { return _threshold[channel]; }

        /// <summary>Reads the table at boot (defaults when none was stored).</summary>
        public void Load()
        {
            ResetValues();
            int length = _record.Load(_payload, 0);
            if (length < 1 || _payload[0] > MaxChannels || length != 1 + (_payload[0] * EntryLength))
            {
                return;
            }

            _count = _payload[0];
            for (int c = 0; c < _count; c++)
            {
                int at = 1 + (c * EntryLength);
                _gain[c] = LinkBytes.ReadInt32(_payload, at);
                _offset[c] = LinkBytes.ReadInt16(_payload, at + 4);
                _threshold[c] = LinkBytes.ReadInt16(_payload, at + 6);
            }
        }

        /// <summary>Replaces the table and writes it to flash.</summary>
        public void Store(int channelCount, int[] gainQ16, short[] offsetLsb, short[] noiseThresholdLsb)
        {
            if (channelCount < 0 || channelCount > MaxChannels)
            {
                throw new ArgumentOutOfRangeException("channelCount", "Calibration covers 0.." + MaxChannels.ToString() + " channels.");
            }

            ResetValues();
            _count = channelCount;
            _payload[0] = (byte)channelCount;
            for (int c = 0; c < channelCount; c++)
            {
                _gain[c] = gainQ16[c];
                _offset[c] = offsetLsb[c];
                _threshold[c] = noiseThresholdLsb[c];
                int at = 1 + (c * EntryLength);
                LinkBytes.WriteInt32(_payload, at, gainQ16[c]);
                LinkBytes.WriteInt16(_payload, at + 4, offsetLsb[c]);
                LinkBytes.WriteInt16(_payload, at + 6, noiseThresholdLsb[c]);
            }

            _record.Save(_payload, 0, 1 + (channelCount * EntryLength));
        }

        private void ResetValues()
        {
            _count = 0;
            for (int c = 0; c < MaxChannels; c++)
            {
                _gain[c] = UnityGain;
                _offset[c] = 0;
                _threshold[c] = 0;
            }
        }
    }
}
