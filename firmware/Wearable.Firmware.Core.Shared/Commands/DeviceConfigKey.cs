namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// Read-only status values this firmware serves through ConfigGet, numbered from 0x100 so they never
    /// collide with the shared <see cref="Wearable.Kernels.Link.LinkConfigKey"/> settings. (Kept here,
    /// not in the link codec, until the host companion needs them; docs/firmware.md lists them.)
    /// </summary>
    public static class DeviceConfigKey
    {
        /// <summary>CRC-32 of the active model (as int32 bits), 0 when none.</summary>
        public const int ActiveModelCrc = 0x100;

        /// <summary>Size of the active model in bytes, 0 when none.</summary>
        public const int ActiveModelSize = 0x101;

        /// <summary>1 when the active slot was read back and matched its size and CRC at boot (or commit).</summary>
        public const int ActiveModelVerified = 0x102;

        /// <summary>Bytes received of the upload in progress, -1 when none (lets a host resume).</summary>
        public const int UploadReceived = 0x103;

        /// <summary>Working memory of the running model (arena, scratch, window) in bytes; the configured reservation when none runs.</summary>
        public const int ModelArenaBytes = 0x104;

        /// <summary>Parameters (weights and tables) of the running model in bytes, 0 when none runs.</summary>
        public const int ModelParameterBytes = 0x105;
    }
}
