using System;

// The stubs declare events the stand-in never raises.
#pragma warning disable CS0067

// Compile-only stand-ins for the members of nanoFramework.Device.Bluetooth (1.1.x) that BleLinkTransport
// calls, declared from the library's public API (README and GenericAttributeProfile/*.cs). A real build
// references the package, which has the same names and signatures.
namespace nanoFramework.Device.Bluetooth
{
    public enum BluetoothError
    {
        Success = 0,
        RadioNotAvailable = 1,
        ResourceInUse = 2,
        OtherError = 5,
    }

    /// <summary>nanoFramework's byte buffer (Windows.Storage.Streams.IBuffer's counterpart).</summary>
    public class Buffer
    {
        public Buffer(uint capacity)
        {
            Data = new byte[capacity];
        }

        public byte[] Data { get; private set; }

        public uint Length { get; set; }
    }

    public sealed class DataWriter
    {
        public void WriteBytes(byte[] value)
        {
        }

        public void WriteString(string value)
        {
        }

        public Buffer DetachBuffer()
        {
            return new Buffer(0);
        }
    }

    public sealed class DataReader
    {
        public static DataReader FromBuffer(Buffer buffer)
        {
            return new DataReader();
        }

        public void ReadBytes(byte[] value)
        {
        }
    }
}

namespace nanoFramework.Device.Bluetooth.GenericAttributeProfile
{
    [Flags]
    public enum GattCharacteristicProperties : uint
    {
        None = 0,
        Read = 2,
        WriteWithoutResponse = 4,
        Write = 8,
        Notify = 16,
    }

    public enum GattWriteOption
    {
        WriteWithResponse = 0,
        WriteWithoutResponse = 1,
    }

    public sealed class GattLocalCharacteristicParameters
    {
        public GattCharacteristicProperties CharacteristicProperties { get; set; }

        public string UserDescription { get; set; }
    }

    public sealed class GattLocalCharacteristicResult
    {
        public GattLocalCharacteristic Characteristic { get { return null; } }

        public BluetoothError Error { get { return BluetoothError.OtherError; } }
    }

    public class GattSession
    {
        public ushort MaxMtuSize { get { return 23; } }

        public event EventHandler MaxPduSizeChanged;
    }

    public sealed class GattSubscribedClient
    {
        public GattSession Session { get { return null; } }
    }

    public sealed class GattWriteRequest
    {
        public Buffer Value { get { return null; } }

        public GattWriteOption Option { get { return GattWriteOption.WriteWithoutResponse; } }

        public void Respond()
        {
        }
    }

    public sealed class GattWriteRequestedEventArgs : EventArgs
    {
        public GattWriteRequest GetRequest()
        {
            return null;
        }
    }

    public sealed class GattReadRequest
    {
        public void RespondWithValue(Buffer value)
        {
        }
    }

    public sealed class GattReadRequestedEventArgs : EventArgs
    {
        public GattReadRequest GetRequest()
        {
            return null;
        }
    }

    public sealed class GattLocalCharacteristic
    {
        public delegate void GattLocalCharacteristicReadEventHandler(GattLocalCharacteristic sender, GattReadRequestedEventArgs ReadRequestEventArgs);

        public delegate void GattLocalCharacteristicWriteEventHandler(GattLocalCharacteristic sender, GattWriteRequestedEventArgs WriteRequestEventArgs);

        public delegate void GattLocalCharacteristicClientsChangedEventHandler(GattLocalCharacteristic sender, object args);

        public event GattLocalCharacteristicReadEventHandler ReadRequested;

        public event GattLocalCharacteristicWriteEventHandler WriteRequested;

        public event GattLocalCharacteristicClientsChangedEventHandler SubscribedClientsChanged;

        public GattSubscribedClient[] SubscribedClients { get { return new GattSubscribedClient[0]; } }

        public object NotifyValue(Buffer value)
        {
            return null;
        }
    }

    public sealed class GattLocalService
    {
        public GattLocalCharacteristicResult CreateCharacteristic(Guid characteristicUuid, GattLocalCharacteristicParameters parameters)
        {
            return new GattLocalCharacteristicResult();
        }
    }

    public sealed class GattServiceProviderAdvertisingParameters
    {
        public string DeviceName { get; set; }

        public bool IsConnectable { get; set; }

        public bool IsDiscoverable { get; set; }
    }

    public sealed class GattServiceProviderResult
    {
        public GattServiceProvider ServiceProvider { get { return null; } }

        public BluetoothError Error { get { return BluetoothError.RadioNotAvailable; } }
    }

    public sealed class GattServiceProvider
    {
        public GattLocalService Service { get { return null; } }

        public static GattServiceProviderResult Create(Guid serviceUuid)
        {
            return new GattServiceProviderResult();
        }

        public void StartAdvertising(GattServiceProviderAdvertisingParameters parameters)
        {
            throw new NotSupportedException("compile-only stub of nanoFramework.Device.Bluetooth");
        }
    }
}
