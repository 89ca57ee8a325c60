namespace Wearable.Firmware.Slots
{
    /// <summary>
    /// Checks a slot's content beyond size and CRC before it becomes active (e.g. that the model
    /// container parses and fits the board). Optional: without one, any blob with the right CRC commits.
    /// </summary>
    public interface IModelValidator
    {
        /// <summary>Returns <see cref="SlotResult.Ok"/> or <see cref="SlotResult.Rejected"/>.</summary>
        int Validate(ModelSlots slots, int slot, int size);

        /// <summary>Why the last <see cref="Validate"/> rejected the blob (empty after a pass).</summary>
        string LastProblem { get; }
    }
}
