namespace Wearable.Firmware.Board
{
    /// <summary>What the status indicator shows; ints rather than an enum so boards can map them to blink codes.</summary>
    public static class DeviceStatus
    {
        public const int Idle = 0;
        public const int PairingWindow = 1;
        public const int Authenticated = 2;
        public const int Streaming = 3;
        public const int Uploading = 4;
        public const int Fault = 5;

        /// <summary>A short name for logs.</summary>
        public static string Name(int status)
        {
            switch (status)
            {
                case Idle: return "idle";
                case PairingWindow: return "pairing-window";
                case Authenticated: return "authenticated";
                case Streaming: return "streaming";
                case Uploading: return "uploading";
                case Fault: return "fault";
                default: return "status-" + status.ToString();
            }
        }
    }
}
