using System;
using Wearable.Firmware.Board;

namespace Wearable.Firmware.Replay
{
    /// <summary>
    /// The link of a replayed session: the host's bytes are handed in before a main-loop pass and the
    /// device's replies collect in a fixed buffer that the caller empties after the pass. Overflowing it
    /// is an error, never a silent loss, because the replay is compared byte for byte.
    /// </summary>
    public sealed class ScriptedTransport : IByteTransport
    {
        private readonly byte[] _pending;
        private readonly byte[] _written;
        private int _pendingStart;
        private int _pendingCount;
        private int _writtenCount;

        public ScriptedTransport(int inputCapacity, int outputCapacity)
        {
            _pending = new byte[inputCapacity];
            _written = new byte[outputCapacity];
        }

        /// <summary>What the device wrote since the last <see cref="ClearOutput"/>.</summary>
        public byte[] Output { get { return _written; } }

        /// <summary>Bytes of <see cref="Output"/> in use.</summary>
        public int OutputLength { get { return _writtenCount; } }

        /// <summary>Host bytes handed in but not yet read by the device.</summary>
        public int PendingInput { get { return _pendingCount; } }

        /// <summary>Queues host bytes for the device's next reads.</summary>
        public void Deliver(byte[] source, int offset, int count)
        {
            if (count <= 0)
            {
                return;
            }

            if (_pendingStart > 0)
            {
                Array.Copy(_pending, _pendingStart, _pending, 0, _pendingCount);
                _pendingStart = 0;
            }

            if (_pendingCount + count > _pending.Length)
            {
                throw new InvalidOperationException("The replay delivered " + (_pendingCount + count).ToString() + " B the device has not read; the transport holds " + _pending.Length.ToString() + " B.");
            }

            Array.Copy(source, offset, _pending, _pendingCount, count);
            _pendingCount += count;
        }

        public void ClearOutput()
        {
            _writtenCount = 0;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = _pendingCount < count ? _pendingCount : count;
            Array.Copy(_pending, _pendingStart, buffer, offset, n);
            _pendingStart += n;
            _pendingCount -= n;
            if (_pendingCount == 0)
            {
                _pendingStart = 0;
            }

            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (_writtenCount + count > _written.Length)
            {
                throw new InvalidOperationException("The device wrote more than " + _written.Length.ToString() + " B in one main-loop pass of the replay.");
            }

            Array.Copy(buffer, offset, _written, _writtenCount, count);
            _writtenCount += count;
        }
    }
}
