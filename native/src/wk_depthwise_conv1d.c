/* DepthwiseConv1dS8.cs in C: one dot product per output channel over the in-range taps. */
#include "wk_internal.h"

int32_t wk_depthwise_conv1d_s8(const int8_t *input, int32_t length, int32_t cin, int32_t multiplier,
                               int32_t kernel, int32_t stride, int32_t dilation, int32_t padding,
                               const int8_t *weights, const int32_t *bias, const wk_quant *q,
                               int8_t *output)
{
    int32_t cout = cin * multiplier;
    int32_t out_length = wk_conv_output_length(length, kernel, stride, dilation, padding);
    int32_t pad_left = wk_conv_pad_left(length, kernel, stride, dilation, padding);
    int32_t t;
    for (t = 0; t < out_length; t++) {
        int32_t start = t * stride - pad_left;
        int32_t lo, hi, c;
        int8_t *dst = output + t * cout;
        wk_valid_taps(start, kernel, dilation, length, &lo, &hi);
        for (c = 0; c < cin; c++) {
            int32_t m;
            for (m = 0; m < multiplier; m++) {
                int32_t o = c * multiplier + m;
                int32_t acc = bias != 0 ? bias[o] : 0;
                const int8_t *src = input + (start + lo * dilation) * cin + c;
                const int8_t *w = weights + lo * cout + o;
                int32_t tap, e;
                for (tap = lo; tap < hi; tap++) {
                    acc += (*src + q->input_offset) * *w;
                    src += dilation * cin;
                    w += cout;
                }

                e = q->quant_count == 1 ? 0 : o;
                dst[o] = wk_requantize_to_activation(acc, q->multipliers[e], q->shifts[e], q->output_offset,
                                                     q->activation_min, q->activation_max);
            }
        }
    }

    return out_length;
}
