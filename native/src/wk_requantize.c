/* Requantize.cs in C: TFLite Micro / CMSIS-NN "double rounding" (docs/cnn-kernels.md). */
#include "wearable_kernels.h"

static int32_t doubling_high_mul(int32_t a, int32_t m)
{
    int64_t product = (int64_t)a * m + ((int64_t)1 << 30);
    return (int32_t)(product >> 31);
}

static int32_t rounding_div_pow2(int32_t x, int32_t e)
{
    int32_t mask = (int32_t)(((int64_t)1 << e) - 1);
    int32_t remainder = x & mask;
    int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> e) + (remainder > threshold ? 1 : 0);
}

int32_t wk_requantize(int32_t acc, int32_t multiplier, int32_t shift)
{
    if (shift > 0) {
        /* C# shifts an int and wraps; unsigned here keeps that defined in C. */
        return doubling_high_mul((int32_t)((uint32_t)acc << shift), multiplier);
    }

    return rounding_div_pow2(doubling_high_mul(acc, multiplier), -shift);
}

int8_t wk_requantize_to_activation(int32_t acc, int32_t multiplier, int32_t shift,
                                   int32_t output_offset, int32_t activation_min, int32_t activation_max)
{
    int32_t y = wk_requantize(acc, multiplier, shift) + output_offset;
    if (y < activation_min) {
        y = activation_min;
    }

    if (y > activation_max) {
        y = activation_max;
    }

    return (int8_t)y;
}
