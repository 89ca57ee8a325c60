using Wearable.EdgeHost.Recording;
using Wearable.Modeling.Typing;

namespace Wearable.Modeling.Tests.Typing;

/// <summary>
/// Real typing data on one path: emg2qwerty's HDF5 session files (written here by h5py in emg2qwerty's
/// exact layout) and our own EDF+ recordings with key annotations (written by our EdfWriter).
/// </summary>
public sealed class TypingSessionFileTests : IDisposable
{
    private const int Rows = 200;

    /// <summary>
    /// emg2qwerty's layout: group "emg2qwerty", compound dataset "timeseries" (time f8, emg_left f4[16],
    /// emg_right f4[16]) and JSON attributes. Key presses sit between samples (10.3, 60.5, ...) so the
    /// first sample at or after each is 11, 61, ...; shift, digits and enter are keys we do not model.
    /// argv: path, variant (good | no-right | no-group | no-keystrokes).
    /// </summary>
    private const string WriteEmg2Qwerty = """
import json, sys
import h5py, numpy as np
path, variant = sys.argv[1], sys.argv[2]
t0 = 1629000000.0
fields = [('time', '<f8'), ('emg_left', '<f4', (16,))]
if variant != 'no-right':
    fields.append(('emg_right', '<f4', (16,)))
rows = np.zeros(200, dtype=np.dtype(fields))
i = np.arange(200)
e = np.arange(16)
rows['time'] = t0 + i / 2000.0
rows['emg_left'] = (i[:, None] % 97) * 0.5 + e[None, :]
if variant != 'no-right':
    rows['emg_right'] = -(i[:, None] * 0.25) - e[None, :]
def at(sample):
    return t0 + sample / 2000.0
keys = [('h', 10.3, 40.3), ('Key.shift', 50.0, 70.0), ('I', 60.5, 90.5), ('Key.space', 100.2, 120.2),
        ('x', 130.7, 140.7), ('Key.backspace', 150.1, 160.1), ('1', 170.1, 180.1), ('Key.enter', 185.0, 190.0)]
keystrokes = [{'key': k, 'start': at(s), 'end': at(r)} for k, s, r in keys]
prompts = [{'name': 'text_prompt', 'start': at(0), 'end': at(199), 'payload': {'text': 'Hi'}}]
with h5py.File(path, 'w') as f:
    g = f.create_group('emg2qwerty' if variant != 'no-group' else 'something_else')
    g.create_dataset('timeseries', data=rows)
    g.attrs['session_name'] = 'test_session'
    g.attrs['user'] = 'test_user'
    g.attrs['condition'] = 'on_keyboard'
    g.attrs['duration_mins'] = 200 / 2000.0 / 60
    if variant != 'no-keystrokes':
        g.attrs['keystrokes'] = json.dumps(keystrokes)
    g.attrs['prompts'] = json.dumps(prompts)
""";

    private readonly string _root = Directory.CreateTempSubdirectory("wearable-typing-files-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Emg2Qwerty(string name, string variant = "good")
    {
        string path = Path.Combine(_root, name);
        H5pyFactAttribute.Run(WriteEmg2Qwerty, path, variant);
        return path;
    }

    [H5pyFact]
    public void An_emg2qwerty_session_file_reads_its_samples_and_keystrokes()
    {
        var session = TypingSessionFiles.Read(Emg2Qwerty("2021-06-03-1622765527-keystrokes-dca-study@1.hdf5"));

        Assert.Equal(32, session.Channels);
        Assert.Equal(2000, session.SampleRate);
        Assert.Equal(Rows, session.Frames);
        for (int i = 0; i < Rows; i += 37)
        {
            for (int e = 0; e < 16; e++)
            {
                Assert.Equal(((i % 97) * 0.5f) + e, session.Samples[(i * 32) + e]);
                Assert.Equal(-(i * 0.25f) - e, session.Samples[(i * 32) + 16 + e]);
            }
        }

        Assert.Equal("hi x" + TypingCharset.Backspace, session.KeyText);
        Assert.Equal([11L, 61, 101, 131, 151], session.Keystrokes.Select(k => k.PressSample));
        Assert.Equal([41L, 91, 121, 141, 161], session.Keystrokes.Select(k => k.ReleaseSample));
        Assert.Equal("2021-06-03-1622765527-keystrokes-dca-study@1", session.Name);
    }

    [H5pyFact]
    public void A_folder_of_session_files_reads_in_name_order()
    {
        Emg2Qwerty("b.hdf5");
        Emg2Qwerty("a.hdf5");
        File.WriteAllText(Path.Combine(_root, "metadata.csv"), "session,user\n");

        var sessions = TypingSessionFiles.ReadAll(_root).ToList();

        Assert.Equal(["a", "b"], sessions.Select(s => s.Name));
    }

    [H5pyFact]
    public void A_file_without_the_right_band_names_the_file_and_the_field()
    {
        string path = Emg2Qwerty("wrong.hdf5", "no-right");

        var error = Assert.Throws<InvalidDataException>(() => TypingSessionFiles.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("emg_right", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [H5pyFact]
    public void A_file_without_the_emg2qwerty_group_or_keystrokes_says_which()
    {
        string noGroup = Emg2Qwerty("nogroup.hdf5", "no-group");
        string noKeys = Emg2Qwerty("nokeys.hdf5", "no-keystrokes");

        Assert.Contains("no group 'emg2qwerty'", Assert.Throws<InvalidDataException>(() => TypingSessionFiles.Read(noGroup)).Message);
        Assert.Contains("keystrokes", Assert.Throws<InvalidDataException>(() => TypingSessionFiles.Read(noKeys)).Message);
    }

    [H5pyFact]
    public void A_truncated_session_file_is_one_line_naming_the_file()
    {
        string whole = Emg2Qwerty("whole.hdf5");
        string cut = Path.Combine(_root, "cut.hdf5");
        byte[] bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => TypingSessionFiles.Read(cut));

        Assert.Contains(cut, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_file_named_hdf5_that_is_not_hdf5_says_so()
    {
        string path = Path.Combine(_root, "notes.hdf5");
        File.WriteAllText(path, "not an HDF5 file at all");

        var error = Assert.Throws<InvalidDataException>(() => TypingSessionFiles.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("HDF5 signature", error.Message);
    }

    [Fact]
    public void Our_own_edf_recording_with_key_annotations_reads_the_same_way()
    {
        string path = Path.Combine(_root, "typing.edf");
        const int rate = 2000;
        var options = new EdfWriterOptions
        {
            Variant = EdfVariant.Edf,
            Annotations = true,
            Signals = Enumerable.Range(0, 32).Select(c => EdfSignal.Data((c < 16 ? "L" : "R") + (c % 16), rate, -8192, 8191.75, -32768, 32767)).ToArray(),
            RecordDuration = 1.0,
            StartTime = new DateTime(2026, 12, 5, 12, 0, 0),
        };
        using (var writer = EdfWriter.Create(path, options))
        {
            writer.AddAnnotation(0.25, 0.05, TypingRecordingFile.Annotation('c'));
            writer.AddAnnotation(0.5, null, "key spacebar");             // what record's console markers write
            writer.AddAnnotation(0.75, 0.1, "cue rest");                 // not a key: left alone
            writer.AddAnnotation(1.5, 0.08, TypingRecordingFile.Annotation(TypingCharset.Backspace));
            writer.AddAnnotation(1.75, 0.08, "key 7");                   // a key we do not model
            for (int record = 0; record < 2; record++)
            {
                var data = new short[32][];
                for (int c = 0; c < 32; c++)
                {
                    data[c] = new short[rate];
                    for (int n = 0; n < rate; n++)
                    {
                        data[c][n] = (short)(((record * rate) + n + (c * 100)) % 4000 - 2000);
                    }
                }

                writer.WriteRecord(data);
            }
        }

        var session = TypingSessionFiles.Read(path);

        Assert.Equal(32, session.Channels);
        Assert.Equal(rate, session.SampleRate);
        Assert.Equal(2 * rate, session.Frames);
        Assert.Equal("c " + TypingCharset.Backspace, session.KeyText);
        Assert.Equal([500L, 1000, 3000], session.Keystrokes.Select(k => k.PressSample));
        Assert.Equal([600L, 1000, 3160], session.Keystrokes.Select(k => k.ReleaseSample));
        // Digital d is d x 0.25 uV (the physical range is 0.25 uV per count).
        int frame = 2345, channel = 17;
        Assert.Equal(((((frame + (channel * 100)) % 4000) - 2000) * 0.25f), session.Samples[(frame * 32) + channel], 3);
    }
}
