namespace Wearable.Kernels.Link
{
    /// <summary>Codes carried by the Error message (u16). Wire format: never renumber, only add.</summary>
    public enum LinkErrorCode : ushort
    {
        /// <summary>Success; used as a status value, never in an Error message.</summary>
        None = 0,

        /// <summary>The receiver does not know this message type.</summary>
        UnknownMessage = 1,

        /// <summary>The payload has the wrong length or an out-of-range field.</summary>
        MalformedPayload = 2,

        /// <summary>The frame's protocol version is not supported.</summary>
        VersionMismatch = 3,

        /// <summary>This host is not paired with the device.</summary>
        NotPaired = 4,

        /// <summary>The request needs an authenticated session.</summary>
        NotAuthenticated = 5,

        /// <summary>PairRequest arrived while the device was not put into pairing mode by a deliberate act.</summary>
        PairingNotArmed = 6,

        /// <summary>The authentication proof did not verify.</summary>
        AuthFailed = 7,

        /// <summary>AuthResponse without an outstanding challenge (a replay, or out of order).</summary>
        NoChallenge = 8,

        /// <summary>The device cannot accept this now (e.g. an upload is in progress).</summary>
        Busy = 9,

        /// <summary>A field value is not acceptable.</summary>
        InvalidArgument = 10,

        /// <summary>The configuration key is unknown.</summary>
        UnknownConfigKey = 11,

        /// <summary>The requested stream kind is not supported by this device or model.</summary>
        StreamNotSupported = 12,

        /// <summary>The requested stream would exceed the link's bandwidth.</summary>
        BandwidthExceeded = 13,

        /// <summary>A ModelChunk or ModelCommit without a ModelBegin.</summary>
        NoUploadInProgress = 14,

        /// <summary>A ModelChunk whose offset is not the next expected one.</summary>
        UnexpectedOffset = 15,

        /// <summary>The model does not fit the slot.</summary>
        ModelTooLarge = 16,

        /// <summary>The uploaded bytes do not match the announced CRC-32.</summary>
        CrcMismatch = 17,

        /// <summary>The model file failed verification (format, version, budget).</summary>
        ModelInvalid = 18,

        /// <summary>Writing or erasing flash failed.</summary>
        FlashError = 19,

        /// <summary>HilRun named a kernel the device does not have.</summary>
        UnknownKernel = 20,

        /// <summary>HilRun input has the wrong size for the kernel.</summary>
        BadHilInput = 21,

        /// <summary>A configuration does not fit the board's RAM budget.</summary>
        BudgetExceeded = 22,

        /// <summary>The acquisition ring buffer overflowed and samples were lost.</summary>
        Overflow = 23,

        /// <summary>An unexpected internal failure; see the device log.</summary>
        Internal = 24,
    }
}
