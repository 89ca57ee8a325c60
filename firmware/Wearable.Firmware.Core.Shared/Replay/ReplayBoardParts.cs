using Wearable.Firmware.Board;

namespace Wearable.Firmware.Replay
{
    /// <summary>
    /// The passive parts of the replay board: no status light, a pairing window that is open until the
    /// first pairing consumes it, and entropy from a seeded xorshift32 so nonces repeat run after run.
    /// </summary>
    public sealed class ReplayBoardParts : IStatusIndicator, IPairingButton, IEntropySource
    {
        private uint _state;
        private bool _windowOpen = true;

        public ReplayBoardParts(uint entropySeed)
        {
            _state = entropySeed == 0 ? 0x2545F491u : entropySeed;
        }

        public bool IsPairingWindowOpen { get { return _windowOpen; } }

        public void Consume()
        {
            _windowOpen = false;
        }

        public void Show(int status)
        {
        }

        public void Fill(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _state ^= _state << 13;
                _state ^= _state >> 17;
                _state ^= _state << 5;
                buffer[offset + i] = (byte)_state;
            }
        }
    }
}
