namespace Wearable.Kernels.Model
{
    /// <summary>
    /// Section kinds of the model container (docs/model-format.md). New kinds get new numbers; a reader
    /// skips kinds it does not know unless the section is flagged required.
    /// </summary>
    public static class ModelSectionType
    {
        public const int Input = 1;
        public const int FrontEnd = 2;
        public const int Spiking = 3;
        public const int Tensors = 4;
        public const int QuantTables = 5;
        public const int CnnGraph = 6;
        public const int Labels = 7;
        public const int Card = 8;
        public const int EegDetector = 9;
        public const int GestureDecision = 10;

        /// <summary>The highest kind this reader knows; higher kinds are skipped unless flagged required.</summary>
        public const int LastKnown = GestureDecision;

        /// <summary>Section flag bit 0: a reader that does not know this section kind must reject the file.</summary>
        public const int FlagRequired = 1;

        public static string Name(int type)
        {
            switch (type)
            {
                case Input: return "input";
                case FrontEnd: return "front_end";
                case Spiking: return "spiking";
                case Tensors: return "tensors";
                case QuantTables: return "quant_tables";
                case CnnGraph: return "cnn";
                case Labels: return "labels";
                case Card: return "card";
                case EegDetector: return "eeg_detector";
                case GestureDecision: return "gesture_decision";
                default: return "section_" + type.ToString();
            }
        }
    }
}
