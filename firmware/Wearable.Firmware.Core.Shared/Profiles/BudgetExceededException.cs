using System;

namespace Wearable.Firmware.Profiles
{
    /// <summary>A configuration needs more buffer RAM than the board has; carries the numbers.</summary>
    public sealed class BudgetExceededException : Exception
    {
        public BudgetExceededException(string message, int neededBytes, int availableBytes)
            : base(message)
        {
            NeededBytes = neededBytes;
            AvailableBytes = availableBytes;
        }

        public int NeededBytes { get; private set; }

        public int AvailableBytes { get; private set; }
    }
}
