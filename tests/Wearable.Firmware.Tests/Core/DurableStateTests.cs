using Wearable.Firmware.Pairing;
using Wearable.Firmware.Storage;
using Wearable.Firmware.Board;

namespace Wearable.Firmware.Tests.Core;

public sealed class DurableStateTests
{
    private sealed class NoEntropy : IEntropySource
    {
        public void Fill(byte[] buffer, int offset, int count) => Array.Clear(buffer, offset, count);
    }

    [Fact]
    public void A_torn_record_write_leaves_the_previous_value()
    {
        var flash = new PowerCutFlash(1024);
        var record = new DurableRecord(flash, 2, 100);
        Assert.Equal(-1, record.Load(new byte[100], 0));
        record.Save(new byte[] { 1, 2, 3 }, 0, 3);
        flash.WritesBeforeCut = 0;
        Assert.Throws<PowerCutException>(() => record.Save(new byte[] { 9, 9, 9, 9, 9, 9, 9, 9, 9, 9 }, 0, 10));

        var reloaded = new DurableRecord(flash, 2, 100);
        var value = new byte[100];
        Assert.Equal(3, reloaded.Load(value, 0));
        Assert.Equal(new byte[] { 1, 2, 3 }, value[..3]);

        reloaded.Save(new byte[] { 7 }, 0, 1);
        Assert.Equal(1, new DurableRecord(flash, 2, 100).Load(value, 0));
        Assert.Equal(7, value[0]);
    }

    [Fact]
    public void Nonces_never_repeat_across_reboots_even_without_entropy()
    {
        var flash = new PowerCutFlash(1024);
        var seen = new HashSet<string>();
        var nonce = new byte[NonceSource.NonceLength];
        for (int boot = 0; boot < 5; boot++)
        {
            var nonces = new NonceSource(flash, FlashLayout.NonceCounterRecord, new NoEntropy());
            nonces.Load();
            for (int i = 0; i < 100; i++)
            {
                nonces.Next(nonce, 0);
                Assert.True(seen.Add(Convert.ToHexString(nonce)), $"Nonce repeated at boot {boot}, draw {i}.");
            }
        }
    }

    [Fact]
    public void Pairings_persist_replace_by_host_id_and_forget_the_oldest_beyond_the_limit()
    {
        var flash = new PowerCutFlash(1024);
        var store = new PairingStore(flash, FlashLayout.PairingRecord);
        store.Load();
        for (int h = 0; h < PairingStore.MaxHosts + 1; h++)
        {
            store.Pair(Enumerable.Repeat((byte)h, 16).ToArray(), 0, Enumerable.Repeat((byte)(h + 100), 32).ToArray(), 0);
        }

        store.Pair(Enumerable.Repeat((byte)2, 16).ToArray(), 0, Enumerable.Repeat((byte)42, 32).ToArray(), 0);
        var reloaded = new PairingStore(flash, FlashLayout.PairingRecord);
        reloaded.Load();
        Assert.Equal(PairingStore.MaxHosts, reloaded.HostCount);
        Assert.Equal(-1, reloaded.Find(Enumerable.Repeat((byte)0, 16).ToArray(), 0));
        int index = reloaded.Find(Enumerable.Repeat((byte)2, 16).ToArray(), 0);
        var secret = new byte[32];
        reloaded.CopySecret(index, secret, 0);
        Assert.All(secret, b => Assert.Equal(42, b));
    }
}
