/* DenseS8.cs in C: one matvec over the flattened input. */
#include "wk_internal.h"

void wk_dense_s8(const int8_t *input, int32_t input_size, int32_t units,
                 const int8_t *weights, const int32_t *bias, const wk_quant *q,
                 int8_t *output, int16_t *scratch)
{
    wk_gather_s8(scratch, input, input_size, q->input_offset);
    wk_matvec_s8(scratch, input_size, weights, input_size, units, bias, q, output);
}
