using System.Security.Cryptography;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Simulation;

namespace Wearable.Modeling.Tests;

public sealed class SemgSimulatorTests
{
    private static short[] Run(SemgSimulatorOptions options, double seconds, Action<SemgSimulator>? script = null)
    {
        var sim = new SemgSimulator(options);
        script?.Invoke(sim);
        int frames = (int)(seconds * options.SampleRate);
        var buffer = new short[frames * options.Channels];
        // Pull in uneven blocks: the result must not depend on how a device slices its reads.
        int done = 0;
        int block = 37;
        while (done < frames)
        {
            int n = Math.Min(block, frames - done);
            var part = new short[n * options.Channels];
            sim.FillBlock(part, n);
            Array.Copy(part, 0, buffer, done * options.Channels, part.Length);
            done += n;
            block = (block * 7 % 113) + 1;
        }

        return buffer;
    }

    private static string Hash(short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
        {
            bytes[2 * i] = (byte)samples[i];
            bytes[(2 * i) + 1] = (byte)(samples[i] >> 8);
        }

        return Convert.ToHexString(SHA256.HashData(bytes));
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes_and_another_seed_different_ones()
    {
        static void Script(SemgSimulator s)
        {
            s.ScheduleGesture(200, 5);
            s.ScheduleGesture(1200, 0);
        }

        var options = new SemgSimulatorOptions { Seed = 42, Channels = 16 };
        string a = Hash(Run(options, 1.0, Script));
        string b = Hash(Run(new SemgSimulatorOptions { Seed = 42, Channels = 16 }, 1.0, Script));
        string c = Hash(Run(new SemgSimulatorOptions { Seed = 43, Channels = 16 }, 1.0, Script));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Contraction_is_heavy_tailed_and_its_spectrum_peaks_between_50_and_150_Hz()
    {
        var options = new SemgSimulatorOptions { Seed = 7, MainsMicrovolts = 0, DriftMicrovolts = 0 };
        var samples = Run(options, 2.0, s => s.SetGesture(2, 0.3));
        double[] best = [];
        double bestPower = -1;
        for (int c = 0; c < options.Channels; c++)
        {
            var x = new double[samples.Length / options.Channels];
            for (int n = 0; n < x.Length; n++)
            {
                x[n] = samples[(n * options.Channels) + c] * options.MicrovoltsPerLsb;
            }

            double power = x.Skip(400).Sum(v => v * v);
            if (power > bestPower)
            {
                bestPower = power;
                best = x;
            }
        }

        var contraction = best.Skip(400).ToArray(); // after the 40 ms activation ramp
        double rms = Math.Sqrt(contraction.Average(v => v * v));
        Assert.InRange(rms, 30, 2000); // tens to hundreds of microvolts on the muscle's electrode
        Assert.True(Spectrum.Kurtosis(contraction) > 3, "kurtosis " + Spectrum.Kurtosis(contraction));
        var psd = Spectrum.Welch(contraction, 256);
        double peak = Spectrum.PeakFrequency(psd, options.SampleRate, 5, 1000);
        Assert.InRange(peak, 50, 150);
    }

    [Fact]
    public void Gestures_differ_in_their_spatial_pattern_not_only_in_gain()
    {
        double[] Pattern(int gesture)
        {
            var o = new SemgSimulatorOptions { Seed = 3, UnitsPerMuscle = 60 };
            var s = Run(o, 1.0, sim => sim.SetGesture(gesture));
            var rms = new double[o.Channels];
            for (int n = 400; n < s.Length / o.Channels; n++)
            {
                for (int c = 0; c < o.Channels; c++)
                {
                    rms[c] += (double)s[(n * o.Channels) + c] * s[(n * o.Channels) + c];
                }
            }

            double norm = Math.Sqrt(rms.Sum());
            return rms.Select(v => Math.Sqrt(v) / Math.Sqrt(norm)).ToArray();
        }

        var flexion = Pattern(2);
        var extension = Pattern(4);
        Assert.NotEqual(Array.IndexOf(flexion, flexion.Max()), Array.IndexOf(extension, extension.Max()));
    }

    [Fact]
    public void Typing_schedules_labelled_key_bursts_at_the_requested_rate()
    {
        var sim = new SemgSimulator(new SemgSimulatorOptions { Seed = 5, UnitsPerMuscle = 40 });
        sim.TypeText("hello world");
        Assert.Equal("hello world", new string(sim.KeyEvents.Select(k => k.Key).ToArray()));
        double seconds = (sim.KeyEvents[^1].Frame - sim.KeyEvents[0].Frame) / sim.SampleRate;
        Assert.InRange(seconds, 10 / 4.5 * 0.6, 10 / 4.5 * 1.4);
        var buffer = new short[8 * 2000 * 3];
        sim.FillBlock(buffer, 2000 * 3);
        Assert.Contains(buffer, v => Math.Abs(v) > 100);
    }

    [Fact]
    public void Person_changes_gain_and_band_rotation()
    {
        var a = new SemgSimulator(new SemgSimulatorOptions { Person = 1, UnitsPerMuscle = 10 });
        var b = new SemgSimulator(new SemgSimulatorOptions { Person = 2, UnitsPerMuscle = 10 });
        Assert.InRange(a.PersonGain, 0.7, 1.4);
        Assert.InRange(a.ElectrodeRotation, -1, 1);
        Assert.NotEqual(a.ElectrodeRotation, b.ElectrodeRotation);
    }
}

public sealed class EegSimulatorTests
{
    private static double[] Channel(EegSimulator sim, int frames, int channel)
    {
        var buffer = new short[frames * sim.Channels];
        sim.FillBlock(buffer, frames);
        var x = new double[frames];
        for (int n = 0; n < frames; n++)
        {
            x[n] = buffer[(n * sim.Channels) + channel] * sim.MicrovoltsPerLsb;
        }

        return x;
    }

    [Fact]
    public void Eyes_closed_brings_an_alpha_peak_near_10_Hz()
    {
        var sim = new EegSimulator(new EegSimulatorOptions { Seed = 11, MainsMicrovolts = 0 });
        var open = Spectrum.Welch(Channel(sim, 256 * 20, 0), 512);
        sim.EyesClosed = true;
        var closed = Spectrum.Welch(Channel(sim, 256 * 20, 0), 512);
        double peak = Spectrum.PeakFrequency(closed, 256, 4, 40);
        Assert.InRange(peak, 8.5, 11.5);
        Assert.InRange(Math.Abs(peak - sim.AlphaHz), 0, 0.75);
        Assert.True(Spectrum.BandPower(closed, 256, 8, 12) > 5 * Spectrum.BandPower(open, 256, 8, 12));
    }

    [Fact]
    public void Ssvep_peaks_at_the_stimulus_frequency()
    {
        var sim = new EegSimulator(new EegSimulatorOptions { Seed = 12, SsvepMicrovolts = 3 }) { SsvepHz = 15 };
        var psd = Spectrum.Welch(Channel(sim, 256 * 30, 3), 1024);
        Assert.InRange(Spectrum.PeakFrequency(psd, 256, 5, 45), 14.75, 15.25);
    }

    [Fact]
    public void Background_falls_off_like_1_over_f_and_artifacts_land_where_expected()
    {
        var sim = new EegSimulator(new EegSimulatorOptions { Seed = 13, MainsMicrovolts = 0, DriftMicrovolts = 0 });
        var psd = Spectrum.Welch(Channel(sim, 256 * 30, 0), 512);
        double low = Spectrum.BandPower(psd, 256, 2, 4);
        double high = Spectrum.BandPower(psd, 256, 16, 32);
        Assert.InRange(low / high, 3, 200); // 1/f over 3 octaves would be 8x; 1/f^2 64x

        int frames = 256;
        var buffer = new short[frames * sim.Channels];
        var activity = new int[frames];
        sim.Blink();
        sim.FillBlock(buffer, frames, activity);
        Assert.Contains(activity, a => (a & (int)EegActivity.Blink) != 0);
        double frontal = Enumerable.Range(0, frames).Max(n => Math.Abs((double)buffer[(n * 4) + 1]));
        double ear = Enumerable.Range(0, frames).Max(n => Math.Abs((double)buffer[n * 4]));
        Assert.True(frontal > 2 * ear, "blink should dominate the frontal AF7 electrode");

        sim.ClenchJaw(1.0);
        sim.FillBlock(buffer, frames, activity);
        Assert.All(activity, a => Assert.True((a & (int)EegActivity.JawClench) != 0));
        double earRms = Math.Sqrt(Enumerable.Range(0, frames).Average(n => (double)buffer[n * 4] * buffer[n * 4]));
        Assert.True(earRms * sim.MicrovoltsPerLsb > 30);
    }

    [Fact]
    public void Same_seed_same_bytes()
    {
        short[] Make(ulong seed)
        {
            var s = new EegSimulator(new EegSimulatorOptions { Seed = seed }) { EyesClosed = true, SsvepHz = 20 };
            var b = new short[256 * 4 * 4];
            s.FillBlock(b, 256 * 4);
            return b;
        }

        Assert.Equal(Make(9), Make(9));
        Assert.NotEqual(Make(9), Make(10));
    }
}
