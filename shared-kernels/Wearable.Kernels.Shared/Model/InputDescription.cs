namespace Wearable.Kernels.Model
{
    /// <summary>What the model expects at its input: channels, rate, units and the analysis window.</summary>
    public sealed class InputDescription
    {
        /// <summary>Unit codes of the samples (after the ADC, before the front end).</summary>
        public const int UnitRaw = 0;
        public const int UnitMicrovolt = 1;
        public const int UnitMillivolt = 2;
        public const int UnitVolt = 3;
        public const int UnitMilliG = 4;

        public int Channels;

        /// <summary>Sample rate in millihertz (2 kHz = 2,000,000), so fractional rates stay integers.</summary>
        public int SampleRateMilliHz;
        public int Unit;

        /// <summary>One LSB = NanoUnitsPerLsb * 1e-9 Unit (0.195 uV/LSB with Unit = microvolt is 195000000).</summary>
        public int NanoUnitsPerLsb;

        /// <summary>Samples per decision window and samples between decisions.</summary>
        public int WindowSamples;
        public int HopSamples;

        public static string UnitName(int unit)
        {
            switch (unit)
            {
                case UnitRaw: return "lsb";
                case UnitMicrovolt: return "uV";
                case UnitMillivolt: return "mV";
                case UnitVolt: return "V";
                case UnitMilliG: return "mg";
                default: return "unknown";
            }
        }
    }
}
