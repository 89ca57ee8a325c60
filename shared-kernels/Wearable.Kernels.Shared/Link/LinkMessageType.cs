namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Header byte 1. Ranges group the message families (0x0_ session, 0x1_ pairing and authentication,
    /// 0x2_ streaming, 0x3_ configuration and calibration, 0x4_ model upload, 0x5_ hardware-in-the-loop)
    /// so a trace is readable at a glance. Ids are wire format: never renumber, only add.
    /// </summary>
    public enum LinkMessageType : byte
    {
        /// <summary>No message; never sent.</summary>
        None = 0x00,

        /// <summary>Host opens a session (allowed unpaired). Reply: DeviceInfo.</summary>
        Hello = 0x01,

        /// <summary>Device identity, firmware, board, channels, rate, capabilities (allowed unpaired).</summary>
        DeviceInfo = 0x02,

        /// <summary>Positive acknowledgement of a request.</summary>
        Ack = 0x03,

        /// <summary>Negative acknowledgement / error with a LinkErrorCode.</summary>
        Error = 0x04,

        /// <summary>A device log line.</summary>
        Log = 0x05,

        /// <summary>Host hands its id and a 32-byte secret to a device in pairing mode.</summary>
        PairRequest = 0x10,

        /// <summary>Host asks for a challenge, naming its host id.</summary>
        AuthBegin = 0x11,

        /// <summary>Device nonce for one authentication attempt.</summary>
        AuthChallenge = 0x12,

        /// <summary>Host nonce and HMAC-SHA256 proof.</summary>
        AuthResponse = 0x13,

        /// <summary>Outcome, with the device's own proof for mutual authentication.</summary>
        AuthResult = 0x14,

        /// <summary>Start one stream kind with a channel mask and block size.</summary>
        StartStream = 0x20,

        /// <summary>Stop one stream kind, or all.</summary>
        StopStream = 0x21,

        /// <summary>Interleaved int16 values of one stream kind.</summary>
        SampleBlock = 0x22,

        /// <summary>A classification produced on the device.</summary>
        InferenceEvent = 0x23,

        /// <summary>An event marker (host to device to be timestamped, or device to host).</summary>
        Marker = 0x24,

        /// <summary>Host time-sync probe.</summary>
        TimeSyncPing = 0x28,

        /// <summary>Device answer carrying its clock at receive and transmit.</summary>
        TimeSyncPong = 0x29,

        /// <summary>Read one configuration value.</summary>
        ConfigGet = 0x30,

        /// <summary>Write one configuration value.</summary>
        ConfigSet = 0x31,

        /// <summary>A configuration value (reply to ConfigGet and ConfigSet).</summary>
        ConfigValue = 0x32,

        /// <summary>Read the calibration table.</summary>
        CalibrationGet = 0x38,

        /// <summary>Per-channel calibration (host to device to store, device to host as a reply).</summary>
        Calibration = 0x39,

        /// <summary>Start a model upload into an A/B slot.</summary>
        ModelBegin = 0x40,

        /// <summary>A piece of the model file at an offset.</summary>
        ModelChunk = 0x41,

        /// <summary>Verify the uploaded model and make it active.</summary>
        ModelCommit = 0x42,

        /// <summary>Discard an upload in progress.</summary>
        ModelAbort = 0x43,

        /// <summary>Run a named kernel or the active model on given input.</summary>
        HilRun = 0x50,

        /// <summary>Output bytes and elapsed device ticks of a HilRun.</summary>
        HilResult = 0x51,
    }
}
