namespace Wearable.View.Tests;

public class SignalFiguresTests
{
    [Fact]
    public void Rms_of_a_sine_over_whole_periods_is_its_amplitude_over_root_two_whatever_the_offset()
    {
        double[] sine = Signals.Sine(1000, 10, 1000, 100, offset: 250);
        Assert.Equal(100 / Math.Sqrt(2), SignalFigures.Rms(sine), 6);
        Assert.Equal(0, SignalFigures.Rms([]));
    }

    [Fact]
    public void The_spectrum_of_a_sine_on_a_bin_centre_reads_its_amplitude_in_that_bin()
    {
        const int Length = 256;
        const double Rate = 1000;
        double frequency = 20 * Rate / Length; // bin 20
        double[] amplitude = SignalFigures.AmplitudeSpectrum(Signals.Sine(Length, frequency, Rate, 80, offset: 40));

        Assert.Equal(Length / 2 + 1, amplitude.Length);
        Assert.Equal(80, amplitude[20], 6);
        Assert.Equal(40, amplitude[19], 6); // the Hann window's neighbours hold half
        Assert.Equal(40, amplitude[21], 6);
        Assert.True(amplitude[0] < 1e-9, "the offset is removed");
        for (int k = 0; k < amplitude.Length; k++)
        {
            if (Math.Abs(k - 20) > 1)
            {
                Assert.True(amplitude[k] < 1e-9, $"bin {k} = {amplitude[k]}");
            }
        }
    }

    [Fact]
    public void The_spectrum_refuses_a_block_that_is_not_a_power_of_two() =>
        Assert.Throws<ArgumentException>(() => SignalFigures.AmplitudeSpectrum(new double[100]));

    [Fact]
    public void Contact_tells_a_flat_line_mains_pick_up_and_a_good_signal_apart()
    {
        const double Rate = 1000;
        var random = new Random(20);
        double[] emg = Enumerable.Range(0, 1000).Select(_ => 50 * (random.NextDouble() - 0.5)).ToArray();
        double[] mains = Signals.Sine(1000, 50, Rate, 100);
        double[] emgWithSomeMains = emg.Zip(Signals.Sine(1000, 50, Rate, 5), (a, b) => a + b).ToArray();

        Assert.Equal(ContactVerdict.NoSignal, SignalFigures.Contact(new double[1000], Rate).Verdict);
        Assert.Equal(ContactVerdict.Mains, SignalFigures.Contact(mains, Rate).Verdict);
        Assert.Equal(ContactVerdict.Good, SignalFigures.Contact(emg, Rate).Verdict);
        Assert.Equal(ContactVerdict.Good, SignalFigures.Contact(emgWithSomeMains, Rate).Verdict);
        Assert.Equal(100 / Math.Sqrt(2), SignalFigures.Contact(mains, Rate).MainsMicrovolts, 1);
    }
}
