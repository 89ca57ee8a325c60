namespace Wearable.Firmware.Board
{
    /// <summary>
    /// The deliberate act on the device that allows a new host to pair: a held button on a real
    /// board, a flag or key press on the virtual one. Pairing requests are refused unless it is active.
    /// </summary>
    public interface IPairingButton
    {
        /// <summary>True while the pairing window is open.</summary>
        bool IsPairingWindowOpen { get; }

        /// <summary>Closes the window after a successful pairing: one deliberate act pairs one host.</summary>
        void Consume();
    }
}
