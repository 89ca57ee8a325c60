/*
 * Flat entry points for callers that cannot build a wk_quant (P/Invoke from .NET, nanoFramework's
 * native interop): every array is a separate argument, so each binding passes its managed arrays
 * directly with no struct marshalling.
 */
#include "wk_internal.h"

static wk_quant make_quant(int32_t input_offset, int32_t output_offset, int32_t activation_min, int32_t activation_max,
                           const int32_t *multipliers, const int32_t *shifts, int32_t quant_count)
{
    wk_quant q;
    q.input_offset = input_offset;
    q.output_offset = output_offset;
    q.activation_min = activation_min;
    q.activation_max = activation_max;
    q.multipliers = multipliers;
    q.shifts = shifts;
    q.quant_count = quant_count;
    return q;
}

int32_t wk_conv1d_s8_flat(const int8_t *input, int32_t length, int32_t cin, int32_t cout,
                          int32_t kernel, int32_t stride, int32_t dilation, int32_t padding,
                          const int8_t *weights, const int32_t *bias,
                          const int32_t *multipliers, const int32_t *shifts, int32_t quant_count,
                          int32_t input_offset, int32_t output_offset, int32_t activation_min, int32_t activation_max,
                          int8_t *output, int16_t *scratch)
{
    wk_quant q = make_quant(input_offset, output_offset, activation_min, activation_max, multipliers, shifts, quant_count);
    return wk_conv1d_s8(input, length, cin, cout, kernel, stride, dilation, padding, weights, bias, &q, output, scratch);
}

void wk_dense_s8_flat(const int8_t *input, int32_t input_size, int32_t units,
                      const int8_t *weights, const int32_t *bias,
                      const int32_t *multipliers, const int32_t *shifts, int32_t quant_count,
                      int32_t input_offset, int32_t output_offset, int32_t activation_min, int32_t activation_max,
                      int8_t *output, int16_t *scratch)
{
    wk_quant q = make_quant(input_offset, output_offset, activation_min, activation_max, multipliers, shifts, quant_count);
    wk_dense_s8(input, input_size, units, weights, bias, &q, output, scratch);
}
