using Wearable.Firmware.Afe;
using Wearable.Firmware.Afe.Ads1299;

namespace Wearable.VirtualDevice.Afe;

/// <summary>
/// One ADS1299, or two in daisy chain, behind the driver's SPI seam, at the command and register level
/// the datasheet (SBAS499) describes: reset values, the ID register, RREG/WREG (ignored while in
/// RDATAC, as on the chip), START/STOP, RDATAC/SDATAC/RDATA, DRDY at the configured data rate, gain and
/// input mux (electrodes, shorted inputs, the internal test square wave), lead-off status bits, the
/// power-on and reset timing (commands arriving too early are lost), and the daisy chain's frame
/// concatenation. Faults for tests: no chip on the bus, a missing second chip, corrupted frames and
/// register reads, DRDY edges the board misses. It also serves as the driver's delay seam: waiting
/// advances the chip's own clock instead of sleeping.
/// </summary>
public sealed class SimulatedAds1299Chain : ISpiBus, IAfeDelay
{
    /// <summary>ID of the 8-channel ADS1299 (REV_ID 001, DEV_ID 11, NU_CH 10).</summary>
    public const byte Ads1299Id = 0x3E;

    /// <summary>tPOR = 2^18 periods of the 2.048 MHz clock.</summary>
    public const long PowerOnResetMicroseconds = 128000;

    /// <summary>18 tCLK after RESET.</summary>
    public const long ResetMicroseconds = 9;

    private const long ClockHz = 2048000;
    private readonly Chip[] _chips;
    private readonly Action<short[]> _nextInputFrame;
    private readonly short[] _input;
    private readonly int _inputNanovoltsPerLsb;
    private long _readyAt;
    private long _nextConversion;
    private long _conversions;
    private bool _converting;
    private bool _readDataContinuous = true;
    private bool _dataReady;
    private int _corruptFrames;
    private int _corruptRegisterReads;
    private int _missedEdges;

    /// <param name="devices">1, or 2 for a daisy chain.</param>
    /// <param name="inputChannels">Channels the electrodes deliver; chip channels beyond them see 0 V.</param>
    /// <param name="inputNanovoltsPerLsb">Scale of the input frames.</param>
    /// <param name="nextInputFrame">Fills the next electrode frame (int16, <paramref name="inputChannels"/> wide) at every conversion.</param>
    public SimulatedAds1299Chain(int devices, int inputChannels, int inputNanovoltsPerLsb, Action<short[]> nextInputFrame)
    {
        if (devices < 1 || devices > Ads1299Config.MaxDevices)
        {
            throw new ArgumentOutOfRangeException(nameof(devices), "1 or 2 chips.");
        }

        _chips = new Chip[devices];
        for (int i = 0; i < devices; i++)
        {
            _chips[i] = new Chip();
        }

        _input = new short[inputChannels];
        _inputNanovoltsPerLsb = inputNanovoltsPerLsb;
        _nextInputFrame = nextInputFrame ?? throw new ArgumentNullException(nameof(nextInputFrame));
        _readyAt = PowerOnResetMicroseconds;
        ElectrodeOff = new bool[devices * Ads1299Config.ChannelsPerDevice];
    }

    /// <summary>The chip's own time (advanced by waits and by <see cref="Advance"/>).</summary>
    public long NowMicroseconds { get; private set; }

    /// <summary>No chip answers: MISO floats at this level (0x00 or 0xFF) for every byte.</summary>
    public byte? Absent { get; set; }

    /// <summary>The second chip of a daisy chain is missing: its 27 bytes read as zeros (DAISY_IN pulled low).</summary>
    public bool SecondChipAbsent { get; set; }

    /// <summary>Per chain channel: the electrode has come off (lead-off status set when detection is on; the input drifts to the rail).</summary>
    public bool[] ElectrodeOff { get; }

    /// <summary>Conversions produced since START.</summary>
    public long Conversions => _conversions;

    /// <summary>Commands the chip ignored because it was still in power-on reset or in its reset pulse.</summary>
    public int CommandsLostToTiming { get; private set; }

    /// <summary>Register commands the chip ignored because it was in RDATAC mode.</summary>
    public int RegisterCommandsIgnoredInRdatac { get; private set; }

    public int Register(int device, int address) => _chips[device].Registers[address];

    /// <summary>The next <paramref name="frames"/> frames shift out with a damaged status word (noise on MISO).</summary>
    public void CorruptNextFrames(int frames) => _corruptFrames = frames;

    /// <summary>The next <paramref name="reads"/> register reads return a bit flipped (noise on MISO).</summary>
    public void CorruptNextRegisterReads(int reads) => _corruptRegisterReads = reads;

    /// <summary>The board will not see the next <paramref name="edges"/> DRDY edges (its interrupt was busy).</summary>
    public void MissNextDataReadyEdges(int edges) => _missedEdges = edges;

    public void WaitMicroseconds(int microseconds) => NowMicroseconds += microseconds;

    /// <summary>
    /// Runs the chip's clock up to <paramref name="untilMicroseconds"/>: each conversion due is latched
    /// and DRDY falls, which the board reports through <paramref name="dataReady"/> with the edge time.
    /// </summary>
    public void Advance(long untilMicroseconds, Action<long> dataReady)
    {
        while (_converting && _nextConversion <= untilMicroseconds)
        {
            long edge = _nextConversion;
            NowMicroseconds = Math.Max(NowMicroseconds, edge);
            Convert();
            _nextConversion += Period();
            if (_missedEdges > 0)
            {
                _missedEdges--;
            }
            else
            {
                dataReady(edge);
            }
        }

        NowMicroseconds = Math.Max(NowMicroseconds, untilMicroseconds);
    }

    public void TransferFullDuplex(byte[] write, byte[] read, int count)
    {
        if (Absent is byte level)
        {
            Array.Fill(read, level, 0, count);
            return;
        }

        Array.Clear(read, 0, count);
        bool allZero = true;
        for (int i = 0; i < count; i++)
        {
            allZero &= write[i] == 0;
        }

        if (allZero)
        {
            if (_readDataContinuous && _dataReady)
            {
                ShiftOutFrame(read, 0, count);
            }

            return;
        }

        if (NowMicroseconds < _readyAt)
        {
            CommandsLostToTiming++;
            return;
        }

        int opcode = write[0];
        if (opcode >= Ads1299Command.ReadRegisters && opcode < Ads1299Command.WriteRegisters + 0x20)
        {
            RegisterCommand(write, read, count);
            return;
        }

        switch (opcode)
        {
            case Ads1299Command.Reset:
                foreach (Chip chip in _chips)
                {
                    chip.ResetRegisters();
                }

                _converting = false;
                _readDataContinuous = true;
                _dataReady = false;
                _readyAt = NowMicroseconds + ResetMicroseconds;
                break;
            case Ads1299Command.Start:
                _converting = true;
                _conversions = 0;
                _nextConversion = NowMicroseconds + Period();
                break;
            case Ads1299Command.Stop:
                _converting = false;
                break;
            case Ads1299Command.ReadDataContinuous:
                _readDataContinuous = true;
                break;
            case Ads1299Command.StopDataContinuous:
                _readDataContinuous = false;
                break;
            case Ads1299Command.ReadData:
                if (!_readDataContinuous && _dataReady)
                {
                    ShiftOutFrame(read, 1, count - 1);
                }

                break;
        }
    }

    private void RegisterCommand(byte[] write, byte[] read, int count)
    {
        if (_readDataContinuous)
        {
            RegisterCommandsIgnoredInRdatac++;
            return;
        }

        bool isWrite = write[0] >= Ads1299Command.WriteRegisters;
        int address = write[0] & 0x1F;
        int n = count >= 2 ? (write[1] & 0x1F) + 1 : 0;
        for (int i = 0; i < n && 2 + i < count; i++)
        {
            int reg = address + i;
            if (reg >= Ads1299Register.Count)
            {
                break;
            }

            if (isWrite)
            {
                // Daisy-chained chips share DIN and CS: every chip takes the write.
                foreach (Chip chip in _chips)
                {
                    chip.Write(reg, write[2 + i]);
                }
            }
            else
            {
                byte value = _chips[0].Registers[reg];
                if (_corruptRegisterReads > 0)
                {
                    value ^= 0x01;
                }

                read[2 + i] = value;
            }
        }

        if (!isWrite && _corruptRegisterReads > 0)
        {
            _corruptRegisterReads--;
        }
    }

    private long Period()
    {
        int code = _chips[0].Registers[Ads1299Register.Config1] & 0x7;
        int rate = code > 6 ? 250 : 16000 >> code;
        return 1_000_000 / rate;
    }

    private void Convert()
    {
        _nextInputFrame(_input);
        long testHalfPeriod = TestHalfPeriodConversions();
        bool testHigh = (_conversions / testHalfPeriod) % 2 == 0;
        for (int d = 0; d < _chips.Length; d++)
        {
            Chip chip = _chips[d];
            int offP = 0;
            bool leadOffOn = (chip.Registers[Ads1299Register.Config4] & Ads1299Register.Config4LeadOffComparators) != 0;
            for (int ch = 0; ch < Ads1299Config.ChannelsPerDevice; ch++)
            {
                int chain = (d * Ads1299Config.ChannelsPerDevice) + ch;
                int set = chip.Registers[Ads1299Register.Channel1Set + ch];
                int gain = Ads1299Config.GainOfCode((set >> 4) & 0x7);
                double nanovolts = (set & Ads1299Register.ChannelPowerDown) != 0 ? 0 : (set & 0x7) switch
                {
                    Ads1299Input.Normal => ElectrodeOff[chain] ? double.MaxValue : chain < _input.Length ? (double)_input[chain] * _inputNanovoltsPerLsb : 0,
                    Ads1299Input.TestSignal => TestAmplitudeNanovolts(chip) * (testHigh ? 1 : -1),
                    _ => 0,
                };
                chip.Codes[ch] = Code(nanovolts, gain);
                bool sensed = (chip.Registers[Ads1299Register.LeadOffSenseP] & (1 << ch)) != 0;
                if (leadOffOn && sensed && ElectrodeOff[chain])
                {
                    offP |= 1 << ch;
                }
            }

            chip.Registers[Ads1299Register.LeadOffStatusP] = (byte)offP;
            chip.Status = (Ads1299Register.StatusSync << 20) | (offP << 12) | (chip.Registers[Ads1299Register.LeadOffStatusN] << 4) | ((chip.Registers[Ads1299Register.Gpio] >> 4) & 0xF);
        }

        _conversions++;
        _dataReady = true;
    }

    private static int Code(double nanovolts, int gain)
    {
        // One 24-bit code is 2 VREF / gain / 2^24 at the input.
        double code = Math.Round(nanovolts * gain * (1 << 23) / Ads1299Config.ReferenceNanovolts);
        return (int)Math.Clamp(code, -(1 << 23), (1 << 23) - 1);
    }

    private static double TestAmplitudeNanovolts(Chip chip)
    {
        bool twice = (chip.Registers[Ads1299Register.Config2] & Ads1299Register.Config2TestAmplitudeDouble) != 0;
        return Ads1299Config.ReferenceNanovolts / 2400.0 * (twice ? 2 : 1);
    }

    private long TestHalfPeriodConversions()
    {
        // CAL_FREQ 00: fCLK / 2^21 (about 0.98 Hz); 01: fCLK / 2^20.
        int shift = (_chips[0].Registers[Ads1299Register.Config2] & 0x3) == 1 ? 20 : 21;
        long rate = 1_000_000 / Period();
        return Math.Max(1, rate * (1L << shift) / ClockHz / 2);
    }

    private void ShiftOutFrame(byte[] read, int offset, int count)
    {
        int length = Math.Min(count, _chips.Length * Ads1299Frame.BytesPerDevice);
        for (int d = 0; d < _chips.Length; d++)
        {
            if (d == 1 && SecondChipAbsent)
            {
                continue;
            }

            int at = offset + (d * Ads1299Frame.BytesPerDevice);
            int status = _chips[d].Status;
            if (d == 0 && _corruptFrames > 0)
            {
                status ^= 0x500000;
            }

            Put24(read, at, status, offset + length);
            for (int ch = 0; ch < Ads1299Config.ChannelsPerDevice; ch++)
            {
                Put24(read, at + 3 + (3 * ch), _chips[d].Codes[ch], offset + length);
            }
        }

        if (_corruptFrames > 0)
        {
            _corruptFrames--;
        }

        _dataReady = false;
    }

    private static void Put24(byte[] read, int at, int value, int end)
    {
        for (int i = 0; i < 3 && at + i < end; i++)
        {
            read[at + i] = (byte)(value >> (16 - (8 * i)));
        }
    }

    private sealed class Chip
    {
        public Chip() => ResetRegisters();

        public byte[] Registers { get; } = new byte[Ads1299Register.Count];

        public int[] Codes { get; } = new int[Ads1299Config.ChannelsPerDevice];

        public int Status { get; set; }

        public void ResetRegisters()
        {
            Array.Clear(Registers);
            Registers[Ads1299Register.Id] = Ads1299Id;
            Registers[Ads1299Register.Config1] = 0x96;
            Registers[Ads1299Register.Config2] = 0xC0;
            Registers[Ads1299Register.Config3] = 0x60;
            for (int ch = 0; ch < Ads1299Config.ChannelsPerDevice; ch++)
            {
                Registers[Ads1299Register.Channel1Set + ch] = 0x61;
            }

            Registers[Ads1299Register.Gpio] = 0x0F;
        }

        public void Write(int address, byte value)
        {
            if (address == Ads1299Register.Id || address == Ads1299Register.LeadOffStatusP || address == Ads1299Register.LeadOffStatusN)
            {
                return; // read-only
            }

            Registers[address] = value;
        }
    }
}
