using System;
using Wearable.Firmware.Board;

namespace Wearable.Firmware.Afe.Ads1299
{
    /// <summary>
    /// TI ADS1299 (one chip, or two in daisy chain) over two seams: an SPI full-duplex transfer and the
    /// DRDY falling edge, which the board forwards to <see cref="OnDataReady"/> with its timestamp.
    /// <see cref="PowerUp"/> runs the datasheet's power-up sequence (reset, SDATAC, ID check, reference,
    /// registers, read-back), <see cref="StartConversions"/> enters RDATAC, and every DRDY reads one
    /// frame, checks its status word and queues it as int16 samples that the firmware core drains
    /// through <see cref="ISampleSource"/>. Frames the board's interrupt missed (a DRDY interval longer
    /// than one period) and frames with a corrupt status word are counted, never silently invented.
    /// Buffers are allocated here; the per-frame path allocates nothing.
    /// </summary>
    public sealed class Ads1299Driver : ISampleSource, IInputScale
    {
        /// <summary>tPOR = 2^18 tCLK = 128 ms at the 2.048 MHz internal clock, with margin.</summary>
        public const int PowerOnResetMicroseconds = 150000;

        /// <summary>After RESET the chip needs 18 tCLK (8.8 us) before the next command.</summary>
        public const int ResetMicroseconds = 20;

        /// <summary>The internal reference buffer settles before conversions are trusted.</summary>
        public const int ReferenceSettleMicroseconds = 150000;

        /// <summary>Consecutive frames without the status sync nibble before the driver reports a fault.</summary>
        public const int CorruptFramesBeforeFault = 8;

        private readonly ISpiBus _spi;
        private readonly IAfeDelay _delay;
        private readonly Ads1299Config _config;
        private readonly int _channels;
        private readonly int _frameBytes;
        private readonly byte[] _zeros;
        private readonly byte[] _frame;
        private readonly byte[] _command;
        private readonly byte[] _reply;
        private readonly short[] _queue;
        private readonly int _queueFrames;
        private readonly long _periodMicroseconds;
        private readonly object _sync = new object();
        private int _queueRead;
        private int _queueCount;
        private long _lastEdge = -1;
        private int _consecutiveCorrupt;
        private bool _running;
        private long _framesRead;
        private long _missedFrames;
        private long _corruptFrames;
        private long _overrunFrames;
        private int _leadOffPositive;
        private int _leadOffNegative;
        private string _fault;

        public Ads1299Driver(ISpiBus spi, IAfeDelay delay, Ads1299Config config, int queueFrames)
        {
            if (spi == null || delay == null || config == null)
            {
                throw new ArgumentNullException("spi", "The driver needs an SPI bus, a delay and a configuration.");
            }

            if (queueFrames < 1)
            {
                throw new ArgumentOutOfRangeException("queueFrames", "The frame queue holds at least one frame.");
            }

            config.Validate();
            CheckDaisySymmetry(config);
            _spi = spi;
            _delay = delay;
            _config = config;
            _channels = config.Channels;
            _frameBytes = config.Devices * Ads1299Frame.BytesPerDevice;
            _zeros = new byte[_frameBytes];
            _frame = new byte[_frameBytes];
            _command = new byte[2 + Ads1299Register.Count];
            _reply = new byte[2 + Ads1299Register.Count];
            _queueFrames = queueFrames;
            _queue = new short[queueFrames * _channels];
            _periodMicroseconds = 1000000 / config.SampleRate;
        }

        public int Channels
        {
            get { return _channels; }
        }

        public int SampleRate
        {
            get { return _config.SampleRate; }
        }

        /// <summary>Input-referred nanovolts of one int16 step (report it as the board's scale).</summary>
        public int NanovoltsPerLsb
        {
            get { return _config.NanovoltsPerLsb(); }
        }

        /// <summary>The ID register read at power-up (0x3E for an 8-channel ADS1299).</summary>
        public int DeviceId { get; private set; }

        /// <summary>Frames read with a valid status word.</summary>
        public long FramesRead
        {
            get { return _framesRead; }
        }

        /// <summary>Conversions whose DRDY the board did not service in time (measured from DRDY edge intervals).</summary>
        public long MissedFrames
        {
            get { return _missedFrames; }
        }

        /// <summary>Frames dropped because a status word lacked the 1100 sync nibble (noise on SPI, a missing daisy chip).</summary>
        public long CorruptFrames
        {
            get { return _corruptFrames; }
        }

        /// <summary>Frames dropped because the core did not drain the queue in time.</summary>
        public long OverrunFrames
        {
            get { return _overrunFrames; }
        }

        /// <summary>Latest LOFF_STATP over the chain: bit n = channel n+1's positive electrode is off.</summary>
        public int LeadOffPositive
        {
            get { return _leadOffPositive; }
        }

        /// <summary>Latest LOFF_STATN over the chain.</summary>
        public int LeadOffNegative
        {
            get { return _leadOffNegative; }
        }

        /// <summary>Null while healthy; otherwise what went wrong and what to check.</summary>
        public string Fault
        {
            get { return _fault; }
        }

        /// <summary>
        /// The datasheet's power-up sequence. Throws <see cref="AfeException"/> when no chip answers
        /// (ID 0x00 or 0xFF), when the chip is not an ADS1299, or when a register does not read back
        /// what was written.
        /// </summary>
        public void PowerUp()
        {
            _running = false;
            _delay.WaitMicroseconds(PowerOnResetMicroseconds);
            SendCommand(Ads1299Command.Reset);
            _delay.WaitMicroseconds(ResetMicroseconds);

            // The chip wakes up in RDATAC, where it ignores register commands.
            SendCommand(Ads1299Command.StopDataContinuous);
            int id = ReadRegisters(Ads1299Register.Id, 1)[0];
            CheckId(id);
            DeviceId = id;

            WriteRegister(Ads1299Register.Config3, Config3());
            _delay.WaitMicroseconds(ReferenceSettleMicroseconds);
            WriteRegister(Ads1299Register.Config1, Config1());
            WriteRegister(Ads1299Register.Config2, Config2());
            for (int ch = 0; ch < Ads1299Config.ChannelsPerDevice; ch++)
            {
                WriteRegister(Ads1299Register.Channel1Set + ch, ChannelSet(ch));
            }

            int powered = PoweredMask();
            WriteRegister(Ads1299Register.BiasSenseP, _config.BiasDrive ? powered : 0);
            WriteRegister(Ads1299Register.BiasSenseN, _config.BiasDrive && !_config.ReferentialMontage ? powered : 0);
            WriteRegister(Ads1299Register.LeadOff, (_config.LeadOffCurrentCode << 2) | _config.LeadOffFrequencyCode);
            WriteRegister(Ads1299Register.LeadOffSenseP, _config.LeadOffDetection ? powered : 0);
            WriteRegister(Ads1299Register.LeadOffSenseN, _config.LeadOffDetection && !_config.ReferentialMontage ? powered : 0);
            WriteRegister(Ads1299Register.Misc1, _config.ReferentialMontage ? Ads1299Register.Misc1Srb1 : 0);
            WriteRegister(Ads1299Register.Config4, _config.LeadOffDetection ? Ads1299Register.Config4LeadOffComparators : 0);
            VerifyRegisters(powered);
        }

        /// <summary>START then RDATAC: from now on every DRDY edge delivers a frame.</summary>
        public void StartConversions()
        {
            lock (_sync)
            {
                _queueRead = 0;
                _queueCount = 0;
                _lastEdge = -1;
                _consecutiveCorrupt = 0;
                _fault = null;
            }

            SendCommand(Ads1299Command.Start);
            SendCommand(Ads1299Command.ReadDataContinuous);
            _running = true;
        }

        /// <summary>SDATAC then STOP: the chip leaves RDATAC so registers can be read again.</summary>
        public void StopConversions()
        {
            _running = false;
            SendCommand(Ads1299Command.StopDataContinuous);
            SendCommand(Ads1299Command.Stop);
        }

        /// <summary>
        /// Reads a register of device 1. While converting it leaves RDATAC first (the chip ignores
        /// RREG there) and re-enters it afterwards, so callers never see a stale or empty answer.
        /// </summary>
        public int ReadRegister(int address)
        {
            bool wasRunning = _running;
            if (wasRunning)
            {
                _running = false;
                SendCommand(Ads1299Command.StopDataContinuous);
            }

            int value = ReadRegisters(address, 1)[0];
            if (wasRunning)
            {
                SendCommand(Ads1299Command.ReadDataContinuous);
                _running = true;
            }

            return value;
        }

        /// <summary>
        /// The DRDY falling edge, called by the board's pin interrupt with its microsecond timestamp:
        /// reads one frame and queues it.
        /// </summary>
        public void OnDataReady(long edgeMicroseconds)
        {
            if (!_running)
            {
                return;
            }

            CountMissedEdges(edgeMicroseconds);
            _spi.TransferFullDuplex(_zeros, _frame, _frameBytes);
            for (int device = 0; device < _config.Devices; device++)
            {
                int status = Ads1299Frame.Status(_frame, device);
                if (!Ads1299Frame.HasSync(status))
                {
                    RecordCorruptFrame(device, status);
                    return;
                }
            }

            _consecutiveCorrupt = 0;
            int offP = 0;
            int offN = 0;
            for (int device = 0; device < _config.Devices; device++)
            {
                int status = Ads1299Frame.Status(_frame, device);
                offP |= Ads1299Frame.LeadOffPositive(status) << (8 * device);
                offN |= Ads1299Frame.LeadOffNegative(status) << (8 * device);
            }

            _leadOffPositive = offP;
            _leadOffNegative = offN;
            Enqueue();
        }

        public int ReadFrames(short[] buffer, int offset, int maxFrames)
        {
            lock (_sync)
            {
                int n = _queueCount < maxFrames ? _queueCount : maxFrames;
                for (int f = 0; f < n; f++)
                {
                    int from = _queueRead * _channels;
                    int to = offset + (f * _channels);
                    for (int c = 0; c < _channels; c++)
                    {
                        buffer[to + c] = _queue[from + c];
                    }

                    _queueRead++;
                    if (_queueRead == _queueFrames)
                    {
                        _queueRead = 0;
                    }
                }

                _queueCount -= n;
                return n;
            }
        }

        private void Enqueue()
        {
            lock (_sync)
            {
                if (_queueCount == _queueFrames)
                {
                    _overrunFrames++;
                    return;
                }

                int slot = _queueRead + _queueCount;
                if (slot >= _queueFrames)
                {
                    slot -= _queueFrames;
                }

                int to = slot * _channels;
                int shift = _config.OutputShift;
                for (int device = 0; device < _config.Devices; device++)
                {
                    int at = (device * Ads1299Frame.BytesPerDevice) + 3;
                    for (int ch = 0; ch < Ads1299Config.ChannelsPerDevice; ch++)
                    {
                        _queue[to + (device * Ads1299Config.ChannelsPerDevice) + ch] = Ads1299Frame.ToSample(Ads1299Frame.Int24(_frame, at + (3 * ch)), shift);
                    }
                }

                _queueCount++;
                _framesRead++;
            }
        }

        private void CountMissedEdges(long edge)
        {
            if (_lastEdge >= 0 && edge > _lastEdge)
            {
                long periods = (edge - _lastEdge + (_periodMicroseconds / 2)) / _periodMicroseconds; // safe division: the period is 1e6 / a validated data rate (62..4000 us), positive
                if (periods > 1)
                {
                    _missedFrames += periods - 1;
                }
            }

            _lastEdge = edge;
        }

        private void RecordCorruptFrame(int device, int status)
        {
            _corruptFrames++;
            _consecutiveCorrupt++;
            if (_consecutiveCorrupt < CorruptFramesBeforeFault || _fault != null)
            {
                return;
            }

            string seen = "status word 0x" + status.ToString("X6");
            if (device > 0)
            {
                _fault = "ADS1299 #" + (device + 1).ToString() + " of the daisy chain sends no status word (" + seen
                    + "): check its DOUT -> DAISY_IN wire, its power, and that it shares CS, SCLK and DIN with #1.";
            }
            else
            {
                _fault = "ADS1299 frames have lost their 1100 sync nibble (" + seen + ", "
                    + _consecutiveCorrupt.ToString() + " in a row): check SPI mode 1, the SPI clock (<= 4 MHz), and that DRDY is wired to the pin the board listens on.";
            }
        }

        private void CheckId(int id)
        {
            if (id == 0x00 || id == 0xFF)
            {
                throw new AfeException("No ADS1299 answers on the SPI bus (ID register reads 0x" + id.ToString("X2")
                    + "): check the chip's power (AVDD, DVDD), its RESET and PWDN pins (both high), the CS pin and SPI mode 1.");
            }

            if ((id & Ads1299Register.IdFamilyMask) != Ads1299Register.IdFamilyAds1299)
            {
                throw new AfeException("The chip on the SPI bus is not an ADS1299 (ID register 0x" + id.ToString("X2")
                    + "; an ADS1299 reads 0x3E, 0x3D or 0x3C): check the board's chip and the board description.");
            }

            int channels = ChannelsFromId(id);
            if (channels < Ads1299Config.ChannelsPerDevice)
            {
                throw new AfeException("This ADS1299 variant has " + channels.ToString() + " channels (ID 0x" + id.ToString("X2")
                    + "); the driver reads 8 per chip: use an ADS1299 (8-channel) or describe the board with fewer chips.");
            }
        }

        /// <summary>Channels an ID register's NU_CH bits announce (4, 6 or 8).</summary>
        public static int ChannelsFromId(int id)
        {
            switch (id & 0x3)
            {
                case 0: return 4;
                case 1: return 6;
                default: return 8;
            }
        }

        private void VerifyRegisters(int powered)
        {
            byte[] values = ReadRegisters(Ads1299Register.Config1, Ads1299Register.Config4 - Ads1299Register.Config1 + 1);
            Expect(values, Ads1299Register.Config1, Config1());
            Expect(values, Ads1299Register.Config2, Config2());
            Expect(values, Ads1299Register.Config3, Config3());
            for (int ch = 0; ch < Ads1299Config.ChannelsPerDevice; ch++)
            {
                Expect(values, Ads1299Register.Channel1Set + ch, ChannelSet(ch));
            }

            Expect(values, Ads1299Register.LeadOffSenseP, _config.LeadOffDetection ? powered : 0);
            Expect(values, Ads1299Register.Misc1, _config.ReferentialMontage ? Ads1299Register.Misc1Srb1 : 0);
        }

        private void Expect(byte[] valuesFromConfig1, int address, int expected)
        {
            int actual = valuesFromConfig1[address - Ads1299Register.Config1];
            if (actual != expected)
            {
                throw new AfeException("ADS1299 register 0x" + address.ToString("X2") + " reads 0x" + actual.ToString("X2")
                    + " after writing 0x" + expected.ToString("X2")
                    + ": the SPI link corrupts bytes; check SPI mode 1 (CPOL 0, CPHA 1), a clock of at most 4 MHz, and the MISO/MOSI wires.");
            }
        }

        private int Config1()
        {
            int daisy = _config.Devices > 1 ? 0 : Ads1299Register.Config1MultipleReadback;
            return Ads1299Register.Config1Fixed | daisy | Ads1299Config.RateCode(_config.SampleRate);
        }

        private int Config2()
        {
            int value = Ads1299Register.Config2Fixed;
            if (_config.TestSignal)
            {
                value |= Ads1299Register.Config2InternalTest;
            }

            if (_config.TestSignalDoubleAmplitude)
            {
                value |= Ads1299Register.Config2TestAmplitudeDouble;
            }

            return value;
        }

        private int Config3()
        {
            int value = Ads1299Register.Config3Fixed | Ads1299Register.Config3ReferenceBuffer;
            if (_config.BiasDrive)
            {
                value |= Ads1299Register.Config3BiasReferenceInternal | Ads1299Register.Config3BiasBuffer;
            }

            return value;
        }

        private int ChannelSet(int channel)
        {
            if (_config.PoweredDown[channel])
            {
                return Ads1299Register.ChannelPowerDown | Ads1299Input.Shorted;
            }

            return (Ads1299Config.GainCode(_config.Gains[channel]) << 4) | _config.Inputs[channel];
        }

        private int PoweredMask()
        {
            int mask = 0;
            for (int ch = 0; ch < Ads1299Config.ChannelsPerDevice; ch++)
            {
                if (!_config.PoweredDown[ch] && _config.Inputs[ch] == Ads1299Input.Normal)
                {
                    mask |= 1 << ch;
                }
            }

            return mask;
        }

        private static void CheckDaisySymmetry(Ads1299Config config)
        {
            // Chips in daisy chain share CS and DIN, so every register write reaches both alike.
            for (int ch = Ads1299Config.ChannelsPerDevice; ch < config.Channels; ch++)
            {
                int first = ch - Ads1299Config.ChannelsPerDevice;
                if (config.Gains[ch] != config.Gains[first] || config.Inputs[ch] != config.Inputs[first] || config.PoweredDown[ch] != config.PoweredDown[first])
                {
                    throw new ArgumentException("In a daisy chain both chips receive the same register writes: channel "
                        + (ch + 1).ToString() + " must be set up like channel " + (first + 1).ToString() + ".", "config");
                }
            }

            if (!config.UniformGain())
            {
                throw new ArgumentException("Every channel needs the same gain: the firmware reports one input-referred scale per device.", "config");
            }
        }

        private void SendCommand(byte opcode)
        {
            _command[0] = opcode;
            _spi.TransferFullDuplex(_command, _reply, 1);
        }

        private void WriteRegister(int address, int value)
        {
            _command[0] = (byte)(Ads1299Command.WriteRegisters | address);
            _command[1] = 0;
            _command[2] = (byte)value;
            _spi.TransferFullDuplex(_command, _reply, 3);
        }

        /// <summary>RREG of <paramref name="count"/> registers from device 1; returns a fresh array (power-up path only).</summary>
        private byte[] ReadRegisters(int address, int count)
        {
            _command[0] = (byte)(Ads1299Command.ReadRegisters | address);
            _command[1] = (byte)(count - 1);
            for (int i = 0; i < count; i++)
            {
                _command[2 + i] = 0;
            }

            _spi.TransferFullDuplex(_command, _reply, 2 + count);
            var values = new byte[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = _reply[2 + i];
            }

            return values;
        }
    }
}
