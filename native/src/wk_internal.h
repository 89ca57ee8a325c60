/* Helpers the kernels share but the public API does not need. */
#ifndef WK_INTERNAL_H
#define WK_INTERNAL_H

#include "wearable_kernels.h"

int32_t wk_conv_pad_left(int32_t length, int32_t kernel, int32_t stride, int32_t dilation, int32_t padding);

/* The in-range taps of one output frame form one contiguous range [lo, hi) (padding taps are skipped). */
void wk_valid_taps(int32_t start, int32_t kernel, int32_t dilation, int32_t length, int32_t *lo, int32_t *hi);

/* Puts natural-order matvec operands into the order the build's inner loop reads (see wk_gather_s8). */
void wk_operand_order(int16_t *x, int32_t count);

#endif
