using System;

namespace Wearable.Firmware.Afe.Ads1299
{
    /// <summary>
    /// How the board wants its ADS1299s set up: one chip (8 channels) or two in daisy chain (16),
    /// data rate, per-channel gain and input, bias drive, lead-off detection, and how the 24-bit
    /// conversions become the firmware's int16 samples. <see cref="Validate"/> names the first bad field.
    /// </summary>
    public sealed class Ads1299Config
    {
        /// <summary>The internal reference (VREFP - VREFN) in nanovolts.</summary>
        public const long ReferenceNanovolts = 4500000000;

        public const int ChannelsPerDevice = 8;
        public const int MaxDevices = 2;

        public Ads1299Config(int devices)
        {
            if (devices < 1 || devices > MaxDevices)
            {
                throw new ArgumentOutOfRangeException("devices", "An ADS1299 chain has 1 or 2 chips (8 or 16 channels).");
            }

            Devices = devices;
            int channels = devices * ChannelsPerDevice;
            Gains = new int[channels];
            Inputs = new int[channels];
            PoweredDown = new bool[channels];
            for (int i = 0; i < channels; i++)
            {
                Gains[i] = 24;
                Inputs[i] = Ads1299Input.Normal;
            }

            SampleRate = 250;
            OutputShift = 5;
            BiasDrive = true;
            ReferentialMontage = true;
            LeadOffCurrentCode = 0;
            LeadOffFrequencyCode = 0;
            SpiClockHz = 2000000;
        }

        /// <summary>Chips in the chain (device 1's DOUT reaches the MCU; device 2 shifts through its DAISY_IN).</summary>
        public int Devices { get; private set; }

        public int Channels
        {
            get { return Devices * ChannelsPerDevice; }
        }

        /// <summary>Conversions per second: 250, 500, 1000, 2000, 4000, 8000 or 16000.</summary>
        public int SampleRate { get; set; }

        /// <summary>Programmable gain per channel: 1, 2, 4, 6, 8, 12 or 24.</summary>
        public int[] Gains { get; private set; }

        /// <summary>Input multiplexer per channel (<see cref="Ads1299Input"/>).</summary>
        public int[] Inputs { get; private set; }

        /// <summary>Channels to power down (unused electrodes: saves power and keeps them out of the bias).</summary>
        public bool[] PoweredDown { get; private set; }

        /// <summary>Right-shift from 24-bit codes to int16 samples (rounded, saturated): 5 keeps 0.72 uV steps and +/-23 mV at gain 24.</summary>
        public int OutputShift { get; set; }

        /// <summary>Drive the bias electrode from the powered channels' common mode (internal bias reference).</summary>
        public bool BiasDrive { get; set; }

        /// <summary>Every negative input tied to SRB1 (the reference electrode), as EEG montages wire it.</summary>
        public bool ReferentialMontage { get; set; }

        /// <summary>Enable lead-off detection on every powered channel's positive and negative input.</summary>
        public bool LeadOffDetection { get; set; }

        /// <summary>LOFF ILEAD_OFF: 0 = 6 nA, 1 = 24 nA, 2 = 6 uA, 3 = 24 uA.</summary>
        public int LeadOffCurrentCode { get; set; }

        /// <summary>LOFF FLEAD_OFF: 0 = DC, 1 = AC 7.8 Hz, 2 = AC 31.2 Hz, 3 = AC at data rate / 4.</summary>
        public int LeadOffFrequencyCode { get; set; }

        /// <summary>Route the internal test square wave (needed when any input is <see cref="Ads1299Input.TestSignal"/>).</summary>
        public bool TestSignal { get; set; }

        /// <summary>Test signal amplitude 2 x (VREFP - VREFN) / 2400 instead of 1 x.</summary>
        public bool TestSignalDoubleAmplitude { get; set; }

        /// <summary>The board's SPI clock; register commands need 4 tCLK per byte, so at most 4 MHz without byte gaps.</summary>
        public int SpiClockHz { get; set; }

        /// <summary>Throws ArgumentException naming the first field out of range and what it may be.</summary>
        public void Validate()
        {
            if (RateCode(SampleRate) < 0)
            {
                throw new ArgumentException("SampleRate " + SampleRate.ToString() + " is not an ADS1299 data rate: use 250, 500, 1000, 2000, 4000, 8000 or 16000.");
            }

            for (int i = 0; i < Gains.Length; i++)
            {
                if (GainCode(Gains[i]) < 0)
                {
                    throw new ArgumentException("Gains[" + i.ToString() + "] = " + Gains[i].ToString() + " is not an ADS1299 gain: use 1, 2, 4, 6, 8, 12 or 24.");
                }

                if (Inputs[i] < Ads1299Input.Normal || Inputs[i] > Ads1299Input.BiasDriveN)
                {
                    throw new ArgumentException("Inputs[" + i.ToString() + "] = " + Inputs[i].ToString() + " is not an input mux setting (0..7).");
                }

                if (Inputs[i] == Ads1299Input.TestSignal && !TestSignal)
                {
                    throw new ArgumentException("Inputs[" + i.ToString() + "] reads the test signal but TestSignal is off: enable it.");
                }
            }

            if (OutputShift < 0 || OutputShift > 8)
            {
                throw new ArgumentException("OutputShift " + OutputShift.ToString() + " must be 0..8 (24-bit codes to int16).");
            }

            if (LeadOffCurrentCode < 0 || LeadOffCurrentCode > 3 || LeadOffFrequencyCode < 0 || LeadOffFrequencyCode > 3)
            {
                throw new ArgumentException("Lead-off current and frequency codes are 0..3.");
            }

            if (SpiClockHz < 100000 || SpiClockHz > 4000000)
            {
                throw new ArgumentException("SpiClockHz " + SpiClockHz.ToString() + " must be 100 kHz..4 MHz (the ADS1299 decodes a command byte in 4 tCLK).");
            }
        }

        /// <summary>CONFIG1 DR bits for a rate, or -1.</summary>
        public static int RateCode(int sampleRate)
        {
            int rate = 16000;
            for (int code = 0; code <= 6; code++)
            {
                if (sampleRate == rate)
                {
                    return code;
                }

                rate = rate / 2;
            }

            return -1;
        }

        /// <summary>CHnSET GAIN bits for a gain, or -1.</summary>
        public static int GainCode(int gain)
        {
            switch (gain)
            {
                case 1: return 0;
                case 2: return 1;
                case 4: return 2;
                case 6: return 3;
                case 8: return 4;
                case 12: return 5;
                case 24: return 6;
                default: return -1;
            }
        }

        /// <summary>The gain a CHnSET GAIN code selects.</summary>
        public static int GainOfCode(int code)
        {
            switch (code)
            {
                case 0: return 1;
                case 1: return 2;
                case 2: return 4;
                case 3: return 6;
                case 4: return 8;
                case 5: return 12;
                default: return 24;
            }
        }

        /// <summary>
        /// Input-referred size of one int16 output step in nanovolts, rounded: VREF / gain / 2^23 per
        /// 24-bit code, times 2^OutputShift. Channel 0's gain (the firmware reports one scale per device).
        /// </summary>
        public int NanovoltsPerLsb()
        {
            long numerator = ReferenceNanovolts << OutputShift;
            long denominator = (long)Gains[0] << 23;
            return (int)((numerator + (denominator / 2)) / denominator); // safe division: the denominator is a validated gain (1..24) << 23, positive
        }

        /// <summary>True when every channel has the same gain (so one scale describes all samples).</summary>
        public bool UniformGain()
        {
            for (int i = 1; i < Gains.Length; i++)
            {
                if (Gains[i] != Gains[0])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
