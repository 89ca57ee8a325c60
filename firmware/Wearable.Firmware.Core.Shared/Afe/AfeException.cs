using System;

namespace Wearable.Firmware.Afe
{
    /// <summary>
    /// The analog front end cannot be brought up or has stopped answering sensibly. The message says
    /// what was seen on the bus and what to check on the board (docs/boards.md lists every message).
    /// </summary>
    public sealed class AfeException : Exception
    {
        public AfeException(string message)
            : base(message)
        {
        }
    }
}
