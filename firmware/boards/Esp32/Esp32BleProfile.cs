using System;

namespace Wearable.Board.Esp32
{
    /// <summary>The Wearable GATT service's UUIDs, the same as the host's BleGattProfile (docs/ble.md).</summary>
    public static class Esp32BleProfile
    {
        public static readonly Guid Service = new Guid("5e1f0001-8b3c-4d7a-9f21-0c6a3f8e2b47");

        public static readonly Guid Command = new Guid("5e1f0002-8b3c-4d7a-9f21-0c6a3f8e2b47");

        public static readonly Guid Stream = new Guid("5e1f0003-8b3c-4d7a-9f21-0c6a3f8e2b47");

        public static readonly Guid Info = new Guid("5e1f0004-8b3c-4d7a-9f21-0c6a3f8e2b47");
    }
}
