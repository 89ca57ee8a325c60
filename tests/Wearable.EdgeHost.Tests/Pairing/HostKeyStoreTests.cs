using Wearable.EdgeHost.Pairing;

namespace Wearable.EdgeHost.Tests.Pairing;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]

public class HostKeyStoreTests
{
    private readonly HostKeyStore _store = new(Directory.CreateTempSubdirectory("wearable-keys").FullName);

    [Fact]
    public void Host_id_is_created_once_and_kept()
    {
        byte[] first = _store.GetOrCreateHostId();
        byte[] second = new HostKeyStore(_store.Directory).GetOrCreateHostId();

        Assert.Equal(HostKeyStore.HostIdLength, first.Length);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Saved_key_reads_back_and_its_file_is_private()
    {
        byte[] secret = HostKeyStore.NewSecret();
        _store.Save(new PairedDevice("00112233445566778899aabbccddeeff", secret, DateTimeOffset.UnixEpoch, "wristband"));

        PairedDevice? found = _store.Find("00112233445566778899AABBCCDDEEFF");

        Assert.NotNull(found);
        Assert.Equal(secret, found.Secret);
        Assert.Equal("wristband", found.Name);
        string file = Directory.EnumerateFiles(Path.Combine(_store.Directory, "devices")).Single();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_store.Directory));
    }

    [Fact]
    public void Remove_forgets_and_reports_unknown_devices()
    {
        _store.Save(new PairedDevice("abcd", HostKeyStore.NewSecret(), DateTimeOffset.UnixEpoch, null));

        Assert.True(_store.Remove("abcd"));
        Assert.False(_store.Remove("abcd"));
        Assert.Null(_store.Find("abcd"));
        Assert.Empty(_store.List());
    }

    [Fact]
    public void Damaged_record_says_how_to_recover()
    {
        _store.Save(new PairedDevice("abcd", HostKeyStore.NewSecret(), DateTimeOffset.UnixEpoch, null));
        File.WriteAllText(Path.Combine(_store.Directory, "devices", "abcd.json"), "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => _store.Find("abcd"));
        Assert.Contains("wearable unpair abcd", error.Message);
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("")]
    [InlineData("xyz")]
    public void Device_ids_that_are_not_hex_are_refused(string id)
    {
        Assert.Throws<ArgumentException>(() => _store.Find(id));
    }

    [Fact]
    public void Wrong_length_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _store.Save(new PairedDevice("ab", new byte[5], DateTimeOffset.UnixEpoch, null)));
    }
}
