/*
 * Flat entry points for callers that cannot build a wk_quant (P/Invoke from .NET, nanoFramework's
 * native interop): every array is a separate argument, so each binding passes its managed arrays
 * directly with no struct marshalling. The *_at arguments are element offsets into those arrays, as in
 * the C# kernels' signatures (a model runner's arena holds every tensor in one array).
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

int32_t wk_conv1d_s8_flat(const int8_t *input, int32_t input_at, int32_t length, int32_t cin, int32_t cout,
                          int32_t kernel, int32_t stride, int32_t dilation, int32_t padding,
                          const int8_t *weights, int32_t weights_at, const int32_t *bias, int32_t bias_at,
                          const int32_t *multipliers, const int32_t *shifts, int32_t quant_count,
                          int32_t input_offset, int32_t output_offset, int32_t activation_min, int32_t activation_max,
                          int8_t *output, int32_t output_at, int16_t *scratch)
{
    wk_quant q = make_quant(input_offset, output_offset, activation_min, activation_max, multipliers, shifts, quant_count);
    return wk_conv1d_s8(input + input_at, length, cin, cout, kernel, stride, dilation, padding, weights + weights_at,
                        bias != 0 ? bias + bias_at : 0, &q, output + output_at, scratch);
}

void wk_dense_s8_flat(const int8_t *input, int32_t input_at, int32_t input_size, int32_t units,
                      const int8_t *weights, int32_t weights_at, const int32_t *bias, int32_t bias_at,
                      const int32_t *multipliers, const int32_t *shifts, int32_t quant_count,
                      int32_t input_offset, int32_t output_offset, int32_t activation_min, int32_t activation_max,
                      int8_t *output, int32_t output_at, int16_t *scratch)
{
    wk_quant q = make_quant(input_offset, output_offset, activation_min, activation_max, multipliers, shifts, quant_count);
    wk_dense_s8(input + input_at, input_size, units, weights + weights_at, bias != 0 ? bias + bias_at : 0, &q,
                output + output_at, scratch);
}
