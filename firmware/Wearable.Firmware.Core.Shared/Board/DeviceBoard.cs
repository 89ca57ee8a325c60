using System;
using Wearable.Firmware.Profiles;

namespace Wearable.Firmware.Board
{
    /// <summary>Everything a board layer hands the core: its parts, its profile and its identity.</summary>
    public sealed class DeviceBoard
    {
        public DeviceBoard(
            BoardProfile profile,
            byte[] deviceId,
            ISampleSource source,
            IByteTransport transport,
            IDeviceClock clock,
            IFlashSlotStore flash,
            IStatusIndicator status,
            IPairingButton pairingButton,
            IEntropySource entropy)
        {
            if (profile == null || source == null || transport == null || clock == null
                || flash == null || status == null || pairingButton == null || entropy == null)
            {
                throw new ArgumentNullException("profile", "Every board part is required.");
            }

            if (deviceId != null && deviceId.Length != 16)
            {
                throw new ArgumentException("The device id is 16 bytes (e.g. the MCU serial number, padded); pass null to have the core generate one.", "deviceId");
            }

            Profile = profile;
            DeviceId = deviceId;
            Source = source;
            Transport = transport;
            Clock = clock;
            Flash = flash;
            Status = status;
            PairingButton = pairingButton;
            Entropy = entropy;
            AdcBits = 16;
            NanovoltsPerLsb = 1000;
        }

        public BoardProfile Profile { get; private set; }

        /// <summary>
        /// The factory-unique 16-byte id (e.g. the MCU serial number), or null: the core then draws one at
        /// first boot and keeps it in flash (<see cref="Wearable.Firmware.Storage.DeviceIdentity"/>).
        /// </summary>
        public byte[] DeviceId { get; private set; }

        /// <summary>
        /// The transport's connect/disconnect signal, or null when it cannot tell (a bare UART). Set it
        /// before constructing the <see cref="FirmwareDevice"/>.
        /// </summary>
        public IPeerPresence Presence { get; set; }

        public ISampleSource Source { get; private set; }

        public IByteTransport Transport { get; private set; }

        public IDeviceClock Clock { get; private set; }

        public IFlashSlotStore Flash { get; private set; }

        public IStatusIndicator Status { get; private set; }

        public IPairingButton PairingButton { get; private set; }

        public IEntropySource Entropy { get; private set; }

        /// <summary>ADC resolution reported in DeviceInfo.</summary>
        public int AdcBits { get; set; }

        /// <summary>Input-referred size of one LSB, reported in DeviceInfo.</summary>
        public int NanovoltsPerLsb { get; set; }
    }
}
