using System.Text.Json;
using Wearable.Cli;
using Wearable.FakeBlueZ;

namespace Wearable.EdgeHost.Ble.Tests;

/// <summary>The user's path: 'wearable devices --ble', 'wearable pair ble://…' and 'wearable stream ble://…' against the fake BlueZ.</summary>
[Collection(FakeBlueZCollection.Name)]
public sealed class CliOverBleTests(FakeBlueZFixture fixture)
{
    [Fact]
    public void Pair_then_stream_over_ble_loses_nothing()
    {
        FakePeripheral peripheral = fixture.AddPeripheral(new FakePeripheralOptions { AttMtu = 23 });
        string keys = Directory.CreateTempSubdirectory("wearable-ble-cli-keys-").FullName;
        Environment.SetEnvironmentVariable("WEARABLE_CONFIG_DIR", keys);
        try
        {
            var pair = Run("pair", peripheral.Connection);
            Assert.True(pair.Code == 0, pair.Error + pair.Out);

            var stream = Run("stream", peripheral.Connection, "--seconds", "1", "--json");
            Assert.True(stream.Code == 0, stream.Error + stream.Out);
            JsonElement result = JsonDocument.Parse(stream.Out).RootElement;
            Assert.True(result.GetProperty("blocks").GetInt64() > 0, stream.Out);
            Assert.Equal(0, result.GetProperty("lostBlocks").GetInt64());
            Assert.Equal(0, result.GetProperty("crcErrors").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(peripheral.Board!.Device.DeviceId), result.GetProperty("deviceId").GetString());
            Assert.Empty(peripheral.Link.Violations);
        }
        finally
        {
            Environment.SetEnvironmentVariable("WEARABLE_CONFIG_DIR", null);
            Directory.Delete(keys, recursive: true);
        }
    }

    [Fact]
    public void Devices_ble_lists_the_advertising_device_with_its_connection_string()
    {
        FakePeripheral peripheral = fixture.AddPeripheral();
        var devices = Run("devices", "--ble", "--json");

        Assert.True(devices.Code == 0, devices.Error + devices.Out);
        Assert.True(devices.Out.StartsWith('{'), "devices --json printed more than its JSON: " + devices.Out);
        JsonElement found = JsonDocument.Parse(devices.Out).RootElement.GetProperty("devices");
        Assert.Contains(found.EnumerateArray(), d => d.GetProperty("connection").GetString() == peripheral.Connection && d.GetProperty("kind").GetString() == "ble");
    }

    [Fact]
    public void A_malformed_ble_address_is_a_usage_error_naming_the_form()
    {
        var result = Run("stream", "ble://AA:BB:CC", "--seconds", "1");

        Assert.Equal(2, result.Code);
        Assert.Contains("is not a Bluetooth address such as AA:BB:CC:DD:EE:FF", result.Error);
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        TextWriter originalOut = Console.Out, originalError = Console.Error;
        var output = new StringWriter();
        var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int code = CommandCatalog.Run(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
