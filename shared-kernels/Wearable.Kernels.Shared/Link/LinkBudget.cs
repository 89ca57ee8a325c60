using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Link budget arithmetic (docs/protocol.md section 6), so a device can refuse a stream that will not fit with
    /// the numbers (Error BandwidthExceeded) instead of silently dropping blocks. Worst-case COBS is assumed.
    /// </summary>
    public static class LinkBudget
    {
        /// <summary>Bits per byte on an 8N1 UART: start, 8 data, stop.</summary>
        public const int UartBitsPerByte = 10;

        /// <summary>Worst-case wire bytes of one SampleBlock frame.</summary>
        public static int SampleBlockWireBytes(int channelCount, int blockSamples)
        {
            if (channelCount < 1 || channelCount > 255 || blockSamples < 1
                || blockSamples > SampleBlockMessage.MaxSamplesFor(channelCount))
            {
                throw new ArgumentOutOfRangeException(
                    "blockSamples",
                    "a block holds 1..255 channels and at most " + SampleBlockMessage.MaxValues.ToString() + " values.");
            }

            return LinkEncoder.MaxEncodedLength(SampleBlockMessage.HeaderLength + (2 * channelCount * blockSamples));
        }

        /// <summary>Worst-case wire bytes per second of a SampleBlock stream, rounded up.</summary>
        public static long StreamBytesPerSecond(int channelCount, int sampleRateHz, int blockSamples)
        {
            if (sampleRateHz < 1)
            {
                throw new ArgumentOutOfRangeException("sampleRateHz", "sampleRateHz must be positive.");
            }

            long perBlock = SampleBlockWireBytes(channelCount, blockSamples);
            return ((perBlock * sampleRateHz) + blockSamples - 1) / blockSamples; // safe division: SampleBlockWireBytes above rejects blockSamples < 1
        }

        /// <summary>Payload bytes per second an 8N1 UART at <paramref name="baud"/> can carry.</summary>
        public static long UartBytesPerSecond(int baud)
        {
            if (baud < 1)
            {
                throw new ArgumentOutOfRangeException("baud", "baud must be positive.");
            }

            return baud / UartBitsPerByte;
        }

        /// <summary>Link load in per mille (1000 = full) of a stream on a link of <paramref name="linkBytesPerSecond"/>.</summary>
        public static int LoadPerMille(long streamBytesPerSecond, long linkBytesPerSecond)
        {
            if (linkBytesPerSecond < 1)
            {
                throw new ArgumentOutOfRangeException("linkBytesPerSecond", "linkBytesPerSecond must be positive.");
            }

            long load = ((streamBytesPerSecond * 1000) + linkBytesPerSecond - 1) / linkBytesPerSecond;
            return load > int.MaxValue ? int.MaxValue : (int)load;
        }
    }
}
