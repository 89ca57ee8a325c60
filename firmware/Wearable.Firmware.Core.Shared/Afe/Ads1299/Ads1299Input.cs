namespace Wearable.Firmware.Afe.Ads1299
{
    /// <summary>CHnSET input multiplexer settings (bits 2:0).</summary>
    public static class Ads1299Input
    {
        /// <summary>The electrode pair: the normal recording input.</summary>
        public const int Normal = 0;

        /// <summary>Inputs shorted together: measures the channel's own offset and noise (bring-up check).</summary>
        public const int Shorted = 1;

        /// <summary>Measures the bias drive (BIAS_MEAS).</summary>
        public const int BiasMeasure = 2;

        /// <summary>Supply measurement (MVDD).</summary>
        public const int Supply = 3;

        /// <summary>The die temperature sensor.</summary>
        public const int Temperature = 4;

        /// <summary>The internal test square wave (CONFIG2 must enable it).</summary>
        public const int TestSignal = 5;

        public const int BiasDriveP = 6;
        public const int BiasDriveN = 7;
    }
}
