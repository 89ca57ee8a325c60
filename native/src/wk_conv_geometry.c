/* ConvGeometry.cs in C: output length and left padding of a 1-D window (docs/cnn-kernels.md). */
#include "wk_internal.h"

int32_t wk_conv_output_length(int32_t length, int32_t kernel, int32_t stride, int32_t dilation, int32_t padding)
{
    int32_t span = (kernel - 1) * dilation + 1;
    if (padding == WK_PADDING_VALID) {
        return length < span ? 0 : (length - span) / stride + 1;
    }

    return length <= 0 ? 0 : (length - 1) / stride + 1;
}

int32_t wk_conv_pad_left(int32_t length, int32_t kernel, int32_t stride, int32_t dilation, int32_t padding)
{
    int32_t span = (kernel - 1) * dilation + 1;
    if (padding == WK_PADDING_CAUSAL) {
        return span - 1;
    }

    if (padding == WK_PADDING_SAME) {
        int32_t total = (wk_conv_output_length(length, kernel, stride, dilation, padding) - 1) * stride + span - length;
        return total > 0 ? total / 2 : 0;
    }

    return 0;
}

void wk_valid_taps(int32_t start, int32_t kernel, int32_t dilation, int32_t length, int32_t *lo, int32_t *hi)
{
    int32_t k_lo = 0;
    int32_t k_hi = kernel;
    while (k_lo < kernel && start + k_lo * dilation < 0) {
        k_lo++;
    }

    while (k_hi > k_lo && start + (k_hi - 1) * dilation >= length) {
        k_hi--;
    }

    *lo = k_lo;
    *hi = k_hi;
}
