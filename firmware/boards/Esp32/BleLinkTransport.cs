using System;
using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
using Wearable.Firmware.Board;
using Wearable.Kernels.Link;

namespace Wearable.Board.Esp32
{
    /// <summary>
    /// The host link over Bluetooth LE: the Wearable GATT service (docs/ble.md) on nanoFramework's GATT
    /// server. The host's writes to the command characteristic are the bytes the core reads; what the core
    /// writes goes out as notifications of at most ATT_MTU - 3 bytes on the stream characteristic, the same
    /// COBS/CRC frames as on the UART. A host subscribing to the stream starts a connection and unsubscribing
    /// (BlueZ does so on disconnect) ends it: both are peer changes, so authentication ends with its connection.
    /// </summary>
    public sealed class BleLinkTransport : IByteTransport, IPeerPresence
    {
        private const int MinimumAttMtu = 23;
        private const int AttHeaderBytes = 3;

        // Host writes arrive on the BLE event thread; the main loop drains them. Requests are small and
        // acknowledged one at a time, so 4 KB holds many of them.
        private readonly byte[] _received = new byte[4096];
        private readonly object _gate = new object();
        private readonly GattLocalCharacteristic _stream;
        private byte[] _info = new byte[0];
        private int _start;
        private int _count;
        private int _peerChanges;
        private bool _subscribed;
        private int _payloadSize = MinimumAttMtu - AttHeaderBytes;
        private GattSession _session;
        private byte[] _fullValue = new byte[MinimumAttMtu - AttHeaderBytes];

        /// <param name="deviceName">The advertised name ('wearable devices --ble' shows it).</param>
        public BleLinkTransport(string deviceName)
        {
            GattServiceProviderResult created = GattServiceProvider.Create(Esp32BleProfile.Service);
            if (created.Error != BluetoothError.Success)
            {
                throw new InvalidOperationException("BLE: cannot create the GATT service (" + created.Error.ToString() + "); is this an ESP32 BLE firmware image?");
            }

            GattServiceProvider provider = created.ServiceProvider;
            _stream = Create(provider.Service, Esp32BleProfile.Stream, GattCharacteristicProperties.Notify, "link frames, device to host");
            GattLocalCharacteristic command = Create(provider.Service, Esp32BleProfile.Command, GattCharacteristicProperties.WriteWithoutResponse | GattCharacteristicProperties.Write, "link frames, host to device");
            GattLocalCharacteristic identity = Create(provider.Service, Esp32BleProfile.Info, GattCharacteristicProperties.Read, "device id, board, firmware");
            _stream.SubscribedClientsChanged += OnSubscribersChanged;
            command.WriteRequested += OnWrite;
            identity.ReadRequested += OnInfoRead;
            var advertising = new GattServiceProviderAdvertisingParameters();
            advertising.DeviceName = deviceName;
            advertising.IsConnectable = true;
            advertising.IsDiscoverable = true;
            provider.StartAdvertising(advertising);
        }

        /// <summary>Sets what the info characteristic answers before pairing: <c>Wearable id=&lt;hex&gt; board=&lt;name&gt;</c>.</summary>
        public void SetInfo(byte[] deviceId, string board)
        {
            const string Hex = "0123456789abcdef";
            string text = "Wearable id=";
            for (int i = 0; i < deviceId.Length; i++)
            {
                text = text + Hex[deviceId[i] >> 4] + Hex[deviceId[i] & 0xF];
            }

            text = text + " board=" + board;
            byte[] encoded = new byte[128];
            int length = LinkText.Encode(text, encoded, encoded.Length);
            byte[] info = new byte[length];
            Array.Copy(encoded, info, length);
            _info = info;
        }

        public int PeerChanges
        {
            get
            {
                lock (_gate)
                {
                    return _peerChanges;
                }
            }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            lock (_gate)
            {
                int n = _count < count ? _count : count;
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = _received[(_start + i) % _received.Length];
                }

                _start = (_start + n) % _received.Length;
                _count -= n;
                return n;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            int payload;
            lock (_gate)
            {
                if (!_subscribed)
                {
                    return; // nobody listening: BLE has nowhere to send it
                }

                payload = _payloadSize;
                if (_fullValue.Length != payload)
                {
                    _fullValue = new byte[payload];
                }
            }

            while (count > 0)
            {
                int n = count < payload ? count : payload;
                byte[] value = n == payload ? _fullValue : new byte[n];
                Array.Copy(buffer, offset, value, 0, n);
                var writer = new DataWriter();
                writer.WriteBytes(value);
                _stream.NotifyValue(writer.DetachBuffer());
                offset += n;
                count -= n;
            }
        }

        private static GattLocalCharacteristic Create(GattLocalService service, Guid uuid, GattCharacteristicProperties properties, string description)
        {
            var parameters = new GattLocalCharacteristicParameters();
            parameters.CharacteristicProperties = properties;
            parameters.UserDescription = description;
            GattLocalCharacteristicResult result = service.CreateCharacteristic(uuid, parameters);
            if (result.Error != BluetoothError.Success)
            {
                throw new InvalidOperationException("BLE: cannot create characteristic " + description + " (" + result.Error.ToString() + ")");
            }

            return result.Characteristic;
        }

        private void OnSubscribersChanged(GattLocalCharacteristic sender, object args)
        {
            GattSubscribedClient[] clients = sender.SubscribedClients;
            lock (_gate)
            {
                bool subscribed = clients.Length > 0;
                if (subscribed == _subscribed)
                {
                    return;
                }

                // Counted before the new host's first byte can be read (IPeerPresence's contract); bytes left
                // from the previous host belong to its session and are dropped.
                _peerChanges++;
                _subscribed = subscribed;
                _start = 0;
                _count = 0;
                if (_session != null)
                {
                    _session.MaxPduSizeChanged -= OnMtuChanged;
                    _session = null;
                }

                if (subscribed)
                {
                    _session = clients[0].Session;
                    _session.MaxPduSizeChanged += OnMtuChanged;
                    _payloadSize = PayloadFor(_session.MaxMtuSize);
                }
            }
        }

        private void OnMtuChanged(object sender, EventArgs args)
        {
            lock (_gate)
            {
                if (_session != null)
                {
                    _payloadSize = PayloadFor(_session.MaxMtuSize);
                }
            }
        }

        private static int PayloadFor(int attMtu)
        {
            return (attMtu < MinimumAttMtu ? MinimumAttMtu : attMtu) - AttHeaderBytes;
        }

        private void OnWrite(GattLocalCharacteristic sender, GattWriteRequestedEventArgs args)
        {
            // nanoFramework waits 500 ms for this handler before failing the ATT request: copy and return.
            GattWriteRequest request = args.GetRequest();
            Buffer value = request.Value;
            byte[] bytes = new byte[value.Length];
            DataReader.FromBuffer(value).ReadBytes(bytes);
            lock (_gate)
            {
                for (int i = 0; i < bytes.Length && _count < _received.Length; i++)
                {
                    _received[(_start + _count) % _received.Length] = bytes[i];
                    _count++;
                }
            }

            if (request.Option == GattWriteOption.WriteWithResponse)
            {
                request.Respond();
            }
        }

        private void OnInfoRead(GattLocalCharacteristic sender, GattReadRequestedEventArgs args)
        {
            var writer = new DataWriter();
            writer.WriteBytes(_info);
            args.GetRequest().RespondWithValue(writer.DetachBuffer());
        }
    }
}
