using Wearable.Modeling.Spiking;

namespace Wearable.Kernels.Tests.Spiking;

public class LmuDiscretizationTests
{
    [Fact]
    public void Abar_and_Bbar_match_the_spec_table_for_order_4_theta_7()
    {
        var (abar, bbar) = LmuDiscretization.Discretize(4, 7);
        double[] expectedB = [0.148238, -0.348009, 0.481770, -0.238216];
        double[] expectedA0 = [0.851762, -0.116003, -0.096354, -0.034031];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(expectedB[i], bbar[i], 6);
            Assert.Equal(expectedA0[i], abar[0, i], 6);
        }

        var (aq, bq) = LmuDiscretization.Quantize(abar, bbar);
        Assert.Equal(new short[] { 2429, -5702, 7893, -3903 }, bq);
        Assert.Equal(new short[] { 13955, -1901, -1579, -558 }, aq[..4]);
    }

    [Fact]
    public void Bbar_equals_e0_minus_first_column_of_Abar_up_to_order_12()
    {
        for (int d = 1; d <= 12; d++)
        {
            foreach (double theta in new[] { 4.0, 7.0, 40.0, 250.0 })
            {
                var (abar, bbar) = LmuDiscretization.Discretize(d, theta);
                for (int i = 0; i < d; i++)
                {
                    double expected = (i == 0 ? 1 : 0) - abar[i, 0];
                    Assert.True(Math.Abs(bbar[i] - expected) < 1e-12, $"d={d} theta={theta} i={i}: Bbar={bbar[i]} e0-Abar[:,0]={expected}");
                }
            }
        }
    }

    [Fact]
    public void Matrix_exponential_of_a_rotation_generator_is_a_rotation()
    {
        double angle = 5.0; // large enough to need scaling and squaring
        double[,] e = MatrixExponential.Compute(new double[,] { { 0, -angle }, { angle, 0 } });
        Assert.Equal(Math.Cos(angle), e[0, 0], 13);
        Assert.Equal(-Math.Sin(angle), e[0, 1], 13);
        Assert.Equal(Math.Sin(angle), e[1, 0], 13);
    }

    [Fact]
    public void Quantize_refuses_values_outside_q2_14()
    {
        Assert.Throws<ArgumentException>(() => LmuDiscretization.Quantize(new double[,] { { 2.5 } }, [0.1]));
    }
}
