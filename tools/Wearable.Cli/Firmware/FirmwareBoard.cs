namespace Wearable.Cli.Firmware;

/// <summary>
/// What a nanoFramework board offers our managed code: the flash region assemblies are deployed to and
/// the managed heap they run in. Sources: nf-interpreter's ESP32 partition table
/// (targets/ESP32/_IDF/esp32/partitions_nanoclr_4mb.csv, "deploy" 0x1C0000) and the heap figures in
/// docs/nanoframework.md (largest free block 114,688 bytes with IDF 5.1.3).
/// </summary>
public sealed record FirmwareBoard(string Name, string NanoffTarget, long DeploymentFlashBytes, long ManagedHeapBytes)
{
    public const string KnownNames = "esp32";

    public static FirmwareBoard Find(string name) => name switch
    {
        "esp32" => new FirmwareBoard("esp32", "ESP32_REV3", 0x1C0000, 114_688),
        _ => throw new CliException(
            "no nanoFramework firmware build for board '" + name + "'.",
            "Boards: " + KnownNames + ". The Meadow F7 app builds with the Meadow SDK (docs/nanoframework.md)."),
    };
}
