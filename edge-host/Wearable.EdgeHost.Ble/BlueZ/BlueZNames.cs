using Tmds.DBus;

namespace Wearable.EdgeHost.Ble.BlueZ;

/// <summary>BlueZ's bus name, interface names and object paths (doc/org.bluez.*.rst).</summary>
public static class BlueZNames
{
    public const string Service = "org.bluez";
    public const string Adapter = "org.bluez.Adapter1";
    public const string Device = "org.bluez.Device1";
    public const string GattService = "org.bluez.GattService1";
    public const string GattCharacteristic = "org.bluez.GattCharacteristic1";

    /// <summary>The object path BlueZ gives a device under an adapter: <c>/org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF</c>.</summary>
    public static ObjectPath DevicePath(ObjectPath adapter, string address) => new(adapter + "/dev_" + address.ToUpperInvariant().Replace(':', '_'));
}
