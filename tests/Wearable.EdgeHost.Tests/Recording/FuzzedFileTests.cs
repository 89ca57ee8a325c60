using FsCheck;
using FsCheck.Fluent;
using Wearable.TestSupport;
using Wearable.EdgeHost.Recording;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>Damaged files must end in a readable recording or an EdfFormatException, never in any other exception.</summary>
public sealed class FuzzedFileTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Random_damage_anywhere_gives_a_recording_or_a_format_error()
    {
        string path = _files.Path("valid.edf");
        var options = RecordingFixtures.Options(EdfVariant.Edf, [10, 5]) with { AnnotationBytesPerRecord = 40 };
        RecordingFixtures.Write(path, options, RecordingFixtures.RandomRecords(new Random(8), options, 4), [new EdfAnnotation(1.5, 0.5, "marker")]);
        byte[] valid = File.ReadAllBytes(path);
        byte[] interesting = "0123456789-+. \u0014\u0015\0"u8.ToArray().Concat(new byte[] { 0x14, 0x15, 0, 0xFF }).ToArray();

        int rejected = 0, readable = 0;
        var property = Prop.ForAll<int>(seed =>
        {
            var random = new Random(seed);
            byte[] bytes = (byte[])valid.Clone();
            int damage = random.Next(1, 6);
            for (int i = 0; i < damage; i++)
            {
                // Half the hits in the header, where the numbers live; the rest anywhere (data and TALs).
                int at = random.Next(2) == 0 ? random.Next(1024) : random.Next(bytes.Length);
                bytes[at] = random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
            }

            int length = random.Next(4) == 0 ? random.Next(bytes.Length) : bytes.Length;
            string damaged = _files.Write("fuzz-" + seed + ".edf", bytes.AsSpan(0, length).ToArray());
            try
            {
                using var reader = EdfReader.Open(damaged);
                for (int s = 0; s < reader.Header.Signals.Count; s++)
                {
                    reader.ReadDigital(s);
                    reader.ReadPhysical(s);
                }

                reader.ReadAnnotations();
                reader.ReadRecordOnsets();
                readable++;
            }
            catch (EdfFormatException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                rejected++;
            }
            finally
            {
                File.Delete(damaged);
            }
        });
        PropertyChecks.Check(property, cases: 1000, seed: 20261202);

        // Both outcomes must really occur, or the damage is not reaching what it should.
        Assert.True(rejected > 100, "only " + rejected + " damaged files were rejected");
        Assert.True(readable > 100, "only " + readable + " damaged files were readable");
    }
}
