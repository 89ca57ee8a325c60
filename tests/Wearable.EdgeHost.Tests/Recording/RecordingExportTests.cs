using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Wearable.EdgeHost.Recording;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>
/// Exports to CSV and NumPy (issue 20 item 3): the samples, names, units, rate and annotations come back
/// from the files exactly; .npy is read here by an independent reading of numpy's format description, and
/// by numpy itself where it is installed.
/// </summary>
public sealed class RecordingExportTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Recording()
    {
        string path = _files.Path("session.edf");
        var options = RecordingFixtures.Options(EdfVariant.Edf, [50, 50]);
        RecordingFixtures.Write(path, options, RecordingFixtures.RandomRecords(new Random(4), options, 3),
        [
            new EdfAnnotation(0.5, 1.0, "fist"),
            new EdfAnnotation(1.75, null, "key a"),
            new EdfAnnotation(2.0, 0.5, "ünïcode, \"quoted\""),
        ]);
        return path;
    }

    /// <summary>numpy.lib.format v1.0 read from its description: magic, version, header dict, C-order data.</summary>
    private static (string Descr, string Shape, byte[] Data) ReadNpy(byte[] file)
    {
        Assert.Equal([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0], file[..8]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8));
        Assert.Equal(0, (10 + headerLength) % 64);
        string header = Encoding.ASCII.GetString(file, 10, headerLength);
        Assert.EndsWith("\n", header);
        string descr = header.Split("'descr': '")[1].Split('\'')[0];
        string shape = header.Split("'shape': ")[1].Split(')')[0] + ")";
        Assert.Contains("'fortran_order': False", header);
        return (descr, shape, file[(10 + headerLength)..]);
    }

    private static double[] Doubles(byte[] data) =>
        Enumerable.Range(0, data.Length / 8).Select(i => BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(i * 8))).ToArray();

    private static string[] Strings(string descr, byte[] data)
    {
        int width = int.Parse(descr[2..], CultureInfo.InvariantCulture);
        return Enumerable.Range(0, data.Length / (4 * width)).Select(i =>
        {
            var text = new StringBuilder();
            for (int k = 0; k < width; k++)
            {
                int code = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(((i * width) + k) * 4));
                if (code != 0)
                {
                    text.Append(char.ConvertFromUtf32(code));
                }
            }

            return text.ToString();
        }).ToArray();
    }

    [Fact]
    public void An_npz_holds_the_physical_samples_names_units_rate_and_every_annotation()
    {
        string recording = Recording();
        byte[] before = File.ReadAllBytes(recording);
        string output = _files.Path("session.npz");
        ExportResult result = RecordingExport.Export(recording, output, ExportFormat.Npz);
        Assert.Equal(150, result.Samples);
        Assert.Equal(before, File.ReadAllBytes(recording)); // the recording is never modified

        using var reader = EdfReader.Open(recording);
        using var zip = ZipFile.OpenRead(output);
        byte[] Entry(string name)
        {
            using var stream = zip.GetEntry(name + ".npy")!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        var (descr, shape, data) = ReadNpy(Entry("data"));
        Assert.Equal("<f8", descr);
        Assert.Equal("(150, 2)", shape);
        double[] values = Doubles(data);
        double[] first = reader.ReadPhysical(0), second = reader.ReadPhysical(1);
        for (int n = 0; n < 150; n++)
        {
            Assert.Equal(first[n], values[2 * n]);
            Assert.Equal(second[n], values[(2 * n) + 1]);
        }

        var rate = ReadNpy(Entry("sample_rate"));
        Assert.Equal("()", rate.Shape);
        Assert.Equal(50.0, Doubles(rate.Data).Single());
        var names = ReadNpy(Entry("channel_names"));
        Assert.Equal(["EMG1", "EMG2"], Strings(names.Descr, names.Data));
        var units = ReadNpy(Entry("units"));
        Assert.Equal(["uV", "uV"], Strings(units.Descr, units.Data));
        var texts = ReadNpy(Entry("annotation_texts"));
        Assert.Equal(["fist", "key a", "ünïcode, \"quoted\""], Strings(texts.Descr, texts.Data));
        Assert.Equal([0.5, 1.75, 2.0], Doubles(ReadNpy(Entry("annotation_onsets")).Data));
        double[] durations = Doubles(ReadNpy(Entry("annotation_durations")).Data);
        Assert.Equal(1.0, durations[0]);
        Assert.True(double.IsNaN(durations[1]));
    }

    [Fact]
    public void A_csv_carries_rate_units_the_cue_per_sample_and_its_annotations_beside_it()
    {
        string recording = Recording();
        string output = _files.Path("session.csv");
        RecordingExport.Export(recording, output, ExportFormat.Csv);
        string[] lines = File.ReadAllLines(output);
        Assert.Equal("# sample_rate=50", lines[0]);
        Assert.Equal("# units=uV,uV", lines[1]);
        Assert.Equal("time,EMG1,EMG2,label", lines[3]);
        Assert.Equal(4 + 150, lines.Length);
        using var reader = EdfReader.Open(recording);
        string[] row30 = lines[4 + 30].Split(',');
        Assert.Equal("0.6", row30[0]);
        Assert.Equal(reader.ReadPhysical(1)[30], double.Parse(row30[2], CultureInfo.InvariantCulture));
        Assert.Equal("fist", row30[3]);
        Assert.Equal("", lines[4 + 80].Split(',')[3]);
        Assert.EndsWith(",\"ünïcode, \"\"quoted\"\"\"", lines[4 + 110]);

        string[] annotations = File.ReadAllLines(RecordingExport.AnnotationsPath(output));
        Assert.Equal(["onset,duration,text", "0.5,1,fist", "1.75,,key a", "2,0.5,\"ünïcode, \"\"quoted\"\"\""], annotations);
    }

    [Fact]
    public void An_existing_output_or_the_recording_itself_is_not_overwritten()
    {
        string recording = Recording();
        Assert.Throws<ArgumentException>(() => RecordingExport.Export(recording, recording, ExportFormat.Npy));
        string output = _files.Path("twice.npy");
        RecordingExport.Export(recording, output, ExportFormat.Npy);
        Assert.Contains("already exists", Assert.Throws<IOException>(() => RecordingExport.Export(recording, output, ExportFormat.Npy)).Message);
        RecordingExport.Export(recording, output, ExportFormat.Npy, overwrite: true);
        Assert.Contains("\"sampleRate\": 50", File.ReadAllText(Path.ChangeExtension(output, ".json")));
    }

    [NumpyFact]
    public void Numpy_loads_the_exports_with_the_same_values()
    {
        string recording = Recording();
        string npz = _files.Path("check.npz"), npy = _files.Path("check.npy");
        RecordingExport.Export(recording, npz, ExportFormat.Npz);
        RecordingExport.Export(recording, npy, ExportFormat.Npy);
        using var reader = EdfReader.Open(recording);
        string script =
            "import numpy as np, sys\n" +
            "z = np.load(sys.argv[1]); a = np.load(sys.argv[2])\n" +
            "assert z['data'].shape == (150, 2) and a.dtype == np.float64 and (a == z['data']).all()\n" +
            "print(repr(float(z['data'][30, 1])), float(z['sample_rate']), '|'.join(z['channel_names']), '|'.join(z['annotation_texts']))\n";
        var start = new ProcessStartInfo(MneFactAttribute.Python, ["-c", script, npz, npy]) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var python = Process.Start(start)!;
        string output = python.StandardOutput.ReadToEnd();
        string error = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, error);
        string expected = reader.ReadPhysical(1)[30].ToString("R", CultureInfo.InvariantCulture);
        Assert.Equal(expected + " 50.0 EMG1|EMG2 fist|key a|ünïcode, \"quoted\"", output.Trim());
    }
}
