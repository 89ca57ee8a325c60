/* PointwiseConvS8.cs in C: the same channel mix at every frame. */
#include "wk_internal.h"

void wk_pointwise_conv_s8(const int8_t *input, int32_t length, int32_t cin, int32_t cout,
                          const int8_t *weights, const int32_t *bias, const wk_quant *q,
                          int8_t *output, int16_t *scratch)
{
    int32_t t;
    for (t = 0; t < length; t++) {
        wk_gather_s8(scratch, input + t * cin, cin, q->input_offset);
        wk_matvec_s8(scratch, cin, weights, cin, cout, bias, q, output + t * cout);
    }
}
