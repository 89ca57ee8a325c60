using Wearable.Firmware.Slots;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Core;

public sealed class ModelSlotsTests
{
    private static byte[] Blob(int seed, int size)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static int Upload(ModelSlots slots, byte[] model, uint? announcedCrc = null, int chunk = 100)
    {
        Assert.Equal(SlotResult.Ok, slots.Begin(model.Length, announcedCrc ?? LinkCrc32.Compute(model, 0, model.Length)));
        for (int offset = 0; offset < model.Length; offset += chunk)
        {
            Assert.Equal(SlotResult.Ok, slots.WriteChunk(offset, model, offset, Math.Min(chunk, model.Length - offset)));
        }

        return slots.Commit();
    }

    private static ModelSlots Boot(PowerCutFlash flash)
    {
        var slots = new ModelSlots(flash, 0);
        slots.Boot();
        return slots;
    }

    [Fact]
    public void A_verified_commit_switches_slots_and_survives_a_reboot()
    {
        var flash = new PowerCutFlash(4096);
        ModelSlots slots = Boot(flash);
        Assert.Equal(-1, slots.ActiveSlot);
        byte[] a = Blob(1, 1000);
        Assert.Equal(SlotResult.Ok, Upload(slots, a));
        Assert.Equal(0, slots.ActiveSlot);
        byte[] b = Blob(2, 3000);
        Assert.Equal(SlotResult.Ok, Upload(slots, b));
        Assert.Equal(1, slots.ActiveSlot);

        ModelSlots rebooted = Boot(flash);
        Assert.Equal(1, rebooted.ActiveSlot);
        Assert.True(rebooted.ActiveVerified);
        var read = new byte[b.Length];
        rebooted.ReadActive(0, read, 0, read.Length);
        Assert.Equal(b, read);
    }

    [Fact]
    public void A_wrong_crc_or_an_incomplete_upload_never_becomes_active()
    {
        var flash = new PowerCutFlash(4096);
        ModelSlots slots = Boot(flash);
        byte[] a = Blob(1, 1000);
        Upload(slots, a);
        uint crcA = slots.ActiveCrc;

        byte[] b = Blob(2, 1000);
        Assert.Equal(SlotResult.CrcMismatch, Upload(slots, b, announcedCrc: 0xDEADBEEF));
        Assert.Equal(0, slots.ActiveSlot);
        Assert.Equal(crcA, slots.ActiveCrc);

        Assert.Equal(SlotResult.Ok, slots.Begin(b.Length, LinkCrc32.Compute(b, 0, b.Length)));
        Assert.Equal(SlotResult.OutOfOrder, slots.WriteChunk(10, b, 0, 10));
        Assert.Equal(SlotResult.Overrun, slots.WriteChunk(0, new byte[2000], 0, 2000));
        Assert.Equal(SlotResult.Incomplete, slots.Commit());
        Assert.Equal(SlotResult.TooLarge, slots.Begin(5000, 1));
        Assert.Equal(0, Boot(flash).ActiveSlot);
    }

    [Fact]
    public void Rollback_returns_to_the_previous_model()
    {
        var flash = new PowerCutFlash(4096);
        ModelSlots slots = Boot(flash);
        Assert.Equal(SlotResult.NothingToRollBack, slots.RollBack());
        byte[] a = Blob(1, 500);
        byte[] b = Blob(2, 700);
        Upload(slots, a);
        Upload(slots, b);
        Assert.Equal(SlotResult.Ok, slots.RollBack());
        Assert.Equal(0, slots.ActiveSlot);
        Assert.Equal(LinkCrc32.Compute(a, 0, a.Length), Boot(flash).ActiveCrc);
    }

    [Fact]
    public void A_power_cut_during_any_write_of_an_upload_leaves_one_complete_model_active()
    {
        byte[] a = Blob(1, 900);
        byte[] b = Blob(2, 1300);
        uint crcA = LinkCrc32.Compute(a, 0, a.Length);
        uint crcB = LinkCrc32.Compute(b, 0, b.Length);
        for (int cutAt = 0; ; cutAt++)
        {
            var flash = new PowerCutFlash(4096);
            ModelSlots slots = Boot(flash);
            Upload(slots, a);
            flash.WritesBeforeCut = cutAt;
            bool cut = false;
            try
            {
                Upload(slots, b);
            }
            catch (PowerCutException)
            {
                cut = true;
            }

            ModelSlots rebooted = Boot(flash);
            Assert.True(rebooted.ActiveVerified, $"No verified model after a cut at write {cutAt}.");
            Assert.True(rebooted.ActiveCrc == crcA || rebooted.ActiveCrc == crcB, $"Unknown model after a cut at write {cutAt}.");
            if (!cut)
            {
                Assert.Equal(crcB, rebooted.ActiveCrc);
                Assert.True(cutAt > 10, "The upload should take more writes than that.");
                return;
            }
        }
    }
}
