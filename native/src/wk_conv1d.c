/* Conv1dS8.cs in C: gather the in-range taps of one output frame, then one matvec over all output channels. */
#include "wk_internal.h"

int32_t wk_conv1d_s8(const int8_t *input, int32_t length, int32_t cin, int32_t cout,
                     int32_t kernel, int32_t stride, int32_t dilation, int32_t padding,
                     const int8_t *weights, const int32_t *bias, const wk_quant *q,
                     int8_t *output, int16_t *scratch)
{
    int32_t out_length = wk_conv_output_length(length, kernel, stride, dilation, padding);
    int32_t pad_left = wk_conv_pad_left(length, kernel, stride, dilation, padding);
    int32_t row_stride = kernel * cin;
    int32_t t;
    for (t = 0; t < out_length; t++) {
        int32_t start = t * stride - pad_left;
        int32_t lo, hi;
        wk_valid_taps(start, kernel, dilation, length, &lo, &hi);
        if (dilation == 1) {
            /* Consecutive taps are consecutive frames: one gather keeps the DSP operand blocks whole. */
            wk_gather_s8(scratch, input + (start + lo) * cin, (hi - lo) * cin, q->input_offset);
        } else {
            int32_t tap;
            for (tap = lo; tap < hi; tap++) {
                const int8_t *src = input + (start + tap * dilation) * cin;
                int16_t *dst = scratch + (tap - lo) * cin;
                int32_t c;
                for (c = 0; c < cin; c++) {
                    dst[c] = (int16_t)(src[c] + q->input_offset);
                }
            }

            wk_operand_order(scratch, (hi - lo) * cin);
        }

        wk_matvec_s8(scratch, (hi - lo) * cin, weights + lo * cin, row_stride, cout, bias, q, output + t * cout);
    }

    return out_length;
}
