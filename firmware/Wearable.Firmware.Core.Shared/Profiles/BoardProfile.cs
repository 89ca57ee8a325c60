using System;

namespace Wearable.Firmware.Profiles
{
    /// <summary>
    /// What a board offers the core: the RAM left for buffers once the runtime, the board layer and the
    /// core's own objects are loaded, and the limits of its front end. Budgets are conservative
    /// measurements or datasheet-derived figures (see docs/firmware.md); a configuration is checked
    /// against them before anything is allocated.
    /// </summary>
    public sealed class BoardProfile
    {
        public BoardProfile(string name, int bufferRamBytes, int maxChannels, int maxSampleRate, int maxArrayBytes)
            : this(name, bufferRamBytes, maxChannels, maxSampleRate, maxArrayBytes, int.MaxValue)
        {
        }

        /// <param name="modelFlashBytes">Flash for one model slot on this board: the largest model file it keeps.</param>
        public BoardProfile(string name, int bufferRamBytes, int maxChannels, int maxSampleRate, int maxArrayBytes, int modelFlashBytes)
        {
            if (name == null)
            {
                throw new ArgumentNullException("name");
            }

            if (bufferRamBytes < 1 || maxChannels < 1 || maxSampleRate < 1 || maxArrayBytes < 1 || modelFlashBytes < 1)
            {
                throw new ArgumentOutOfRangeException("bufferRamBytes", "Board limits must be positive.");
            }

            Name = name;
            BufferRamBytes = bufferRamBytes;
            MaxChannels = maxChannels;
            MaxSampleRate = maxSampleRate;
            MaxArrayBytes = maxArrayBytes;
            ModelFlashBytes = modelFlashBytes;
        }

        /// <summary>Board name as printed in messages ("ESP32").</summary>
        public string Name { get; private set; }

        /// <summary>Bytes of heap the core may use for its buffers (ring, blocks, link frames) and the model (weights, arena).</summary>
        public int BufferRamBytes { get; private set; }

        /// <summary>Most channels the front end can deliver.</summary>
        public int MaxChannels { get; private set; }

        /// <summary>Highest frame rate in Hz.</summary>
        public int MaxSampleRate { get; private set; }

        /// <summary>Largest single array the heap can place (nanoFramework on ESP32 fails around 80 KB; keep under ~30 KB).</summary>
        public int MaxArrayBytes { get; private set; }

        /// <summary>Flash of one model slot: a ModelBegin for a larger file is refused with both numbers.</summary>
        public int ModelFlashBytes { get; private set; }

        /// <summary>
        /// Original ESP32 without PSRAM under nanoFramework: ~100 KB managed heap, of which about a
        /// third is left for buffers after the interpreter, the board layer and the core.
        /// </summary>
        public static BoardProfile Esp32()
        {
            return new BoardProfile("ESP32", 32768, 16, 4000, 30720, 131072);
        }

        /// <summary>ESP32-S3 with 8 MB PSRAM under nanoFramework (heap placed in PSRAM).</summary>
        public static BoardProfile Esp32S3Psram()
        {
            return new BoardProfile("ESP32-S3-PSRAM", 1048576, 32, 8000, 30720, 524288);
        }

        /// <summary>Meadow F7 (STM32F7, 32 MB SDRAM; the managed heap is large but not unlimited).</summary>
        public static BoardProfile MeadowF7()
        {
            return new BoardProfile("Meadow-F7", 2097152, 32, 8000, 1048576, 1048576);
        }

        /// <summary>A Linux single-board computer (Raspberry Pi class, 1 GB or more) running the core on .NET with an ADS1299 on spidev.</summary>
        public static BoardProfile LinuxSbc()
        {
            return new BoardProfile("linux-sbc", 16777216, 16, 16000, 4194304, 16777216);
        }

        /// <summary>The virtual board on a desktop: limits set high enough never to matter in tests.</summary>
        public static BoardProfile Virtual()
        {
            return new BoardProfile("virtual", 67108864, 256, 64000, 16777216, 16777216);
        }

        /// <summary>The names <see cref="FindByName"/> knows.</summary>
        public const string KnownNames = "esp32, esp32s3, meadow, linux-sbc, virtual";

        /// <summary>Looks a profile up by name (case-sensitive, one of <see cref="KnownNames"/>).</summary>
        public static BoardProfile FindByName(string name)
        {
            if (name == null)
            {
                throw new ArgumentNullException("name");
            }

            if (name == "esp32")
            {
                return Esp32();
            }

            if (name == "esp32s3")
            {
                return Esp32S3Psram();
            }

            if (name == "meadow")
            {
                return MeadowF7();
            }

            if (name == "linux-sbc")
            {
                return LinuxSbc();
            }

            if (name == "virtual")
            {
                return Virtual();
            }

            throw new ArgumentException(
                "Unknown board profile '" + name + "': use one of " + KnownNames + ".", "name");
        }
    }
}
