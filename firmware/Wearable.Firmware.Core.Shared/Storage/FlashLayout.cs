namespace Wearable.Firmware.Storage
{
    /// <summary>
    /// Which flash records hold what. Each value is a <see cref="DurableRecord"/> and uses two records
    /// (this one and the next). Records are at least <see cref="MinimumRecordSize"/> bytes.
    /// </summary>
    public static class FlashLayout
    {
        public const int SlotTableRecord = 0;
        public const int PairingRecord = 2;
        public const int CalibrationRecord = 4;
        public const int NonceCounterRecord = 6;

        /// <summary>The generated device id (boards without a factory id; see DeviceIdentity).</summary>
        public const int DeviceIdentityRecord = 8;

        /// <summary>Records a store must offer.</summary>
        public const int RecordCount = 10;

        /// <summary>Bytes a record must hold (the calibration table of 64 channels, 527 B with overhead, is the largest value).</summary>
        public const int MinimumRecordSize = 544;
    }
}
