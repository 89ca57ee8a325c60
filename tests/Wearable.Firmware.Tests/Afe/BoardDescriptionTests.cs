using System.Text.RegularExpressions;
using Wearable.EdgeHost.Boards;
using Wearable.Firmware.Profiles;
using Wearable.TestSupport;

namespace Wearable.Firmware.Tests.Afe;

/// <summary>Boards as data: the descriptions the host reads agree with what the firmware enforces and with the board code.</summary>
public class BoardDescriptionTests
{
    [Fact]
    public void Every_board_profile_the_firmware_knows_has_a_description_with_the_same_budgets()
    {
        string[] names = BoardProfile.KnownNames.Split(", ");
        Assert.Equal(names.Order(), BoardCatalog.All.Select(b => b.Name).Order());
        foreach (string name in names)
        {
            BoardProfile profile = BoardProfile.FindByName(name);
            BoardDefinition board = BoardCatalog.Find(name)!;
            Assert.Equal(profile.Name, board.ReportedName);
            Assert.Equal(profile.BufferRamBytes, board.Memory.BufferRamBytes);
            Assert.Equal(profile.MaxArrayBytes, board.Memory.MaxArrayBytes);
            Assert.Equal(profile.ModelFlashBytes, board.Memory.ModelFlashBytes);
            Assert.Equal(profile.MaxChannels, board.MaxChannels);
            Assert.Equal(profile.MaxSampleRate, board.MaxSampleRate);
            Assert.Same(board, BoardCatalog.Find(profile.Name));
        }
    }

    [Fact]
    public void The_esp32_board_code_is_wired_as_its_description_says()
    {
        string source = File.ReadAllText(RepositoryPaths.InRepo("firmware", "boards", "Esp32", "Esp32Wiring.cs"));
        string Constant(string name) => Regex.Match(source, @"const \w+ " + name + @" = ""?([^"";]+)""?;").Groups[1].Value;
        BoardDefinition esp32 = BoardCatalog.Find("esp32")!;
        BoardFrontEnd afe = esp32.FrontEnd!;
        Assert.Equal(afe.Spi.Bus, Constant("SpiBus"));
        Assert.Equal(afe.Spi.Clock, Constant("SpiClockPin"));
        Assert.Equal(afe.Spi.Miso, Constant("SpiMisoPin"));
        Assert.Equal(afe.Spi.Mosi, Constant("SpiMosiPin"));
        Assert.Equal(afe.Spi.ChipSelect, Constant("ChipSelectPin"));
        Assert.Equal(afe.Spi.ClockHz.ToString(), Constant("SpiClockHz"));
        Assert.Equal(afe.DataReadyPin, Constant("DataReadyPin"));
        Assert.Equal(afe.SampleRate.ToString(), Constant("SampleRate"));
        Assert.Equal(esp32.Link.Port, Constant("LinkPort"));
        Assert.Equal(esp32.Link.Baud.ToString(), Constant("LinkBaud"));
        Assert.Equal(esp32.PairingButtonPin, Constant("PairingButtonPin"));
        Assert.Equal(1, afe.Spi.Mode); // the ADS1299 samples on the falling edge: CPOL 0, CPHA 1
    }

    [Fact]
    public void A_malformed_description_names_its_file()
    {
        var ex = Assert.Throws<InvalidDataException>(() => BoardDefinition.Parse("{\"name\": \"x\"}", "boards/X/board.json"));
        Assert.Contains("boards/X/board.json", ex.Message);
    }
}
