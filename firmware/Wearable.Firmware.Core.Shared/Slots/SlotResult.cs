namespace Wearable.Firmware.Slots
{
    /// <summary>Outcomes of model slot operations (0 = done); the command dispatcher maps them to link error codes.</summary>
    public static class SlotResult
    {
        public const int Ok = 0;
        public const int TooLarge = 1;
        public const int NoUploadInProgress = 2;
        public const int OutOfOrder = 3;
        public const int Overrun = 4;
        public const int Incomplete = 5;
        public const int CrcMismatch = 6;
        public const int NothingToRollBack = 7;
        public const int Rejected = 8;

        public static string Describe(int result)
        {
            switch (result)
            {
                case Ok: return "ok";
                case TooLarge: return "the model is larger than a slot";
                case NoUploadInProgress: return "no upload in progress: send an upload begin first";
                case OutOfOrder: return "chunk offset is not the next expected offset";
                case Overrun: return "chunk runs past the announced size";
                case Incomplete: return "commit before every byte arrived";
                case CrcMismatch: return "the slot's CRC-32 does not match the announced one: upload again";
                case NothingToRollBack: return "no previous committed model to roll back to";
                case Rejected: return "the model validator rejected the blob";
                default: return "slot result " + result.ToString();
            }
        }
    }
}
