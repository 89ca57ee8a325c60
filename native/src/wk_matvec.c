/*
 * MatVecS8.cs in C. Two inner loops with the same integers: plain C (any target), and the Armv7E-M DSP
 * extension (WK_USE_DSP), where SXTB16 widens two int8 weights at once and SMLAD does two
 * multiply-accumulates; four rows share every load of x, as in the C# kernel and CMSIS-NN.
 * Both sum int32 products that wrap identically, so the order of the additions cannot change a bit.
 */
#include "wk_internal.h"

#if defined(WK_USE_DSP)
#include <arm_acle.h>
#endif

void wk_operand_order(int16_t *x, int32_t count)
{
#if defined(WK_USE_DSP)
    /* Blocks of four become x0 x2 x1 x3 (a tail shorter than four stays in natural order). */
    int32_t i;
    for (i = 0; i + 4 <= count; i += 4) {
        int16_t second = x[i + 1];
        x[i + 1] = x[i + 2];
        x[i + 2] = second;
    }
#else
    (void)x;
    (void)count;
#endif
}

void wk_gather_s8(int16_t *dst, const int8_t *src, int32_t count, int32_t offset)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        dst[i] = (int16_t)(src[i] + offset);
    }

    wk_operand_order(dst, count);
}

#if defined(WK_USE_DSP)
static uint32_t load_u32(const void *p)
{
    uint32_t v;
    __builtin_memcpy(&v, p, 4); /* one unaligned LDR; plain memcpy is a call under -ffreestanding */
    return v;
}

/* acc += x[0..3] . w[0..3] with x in x0 x2 x1 x3 order: two SMLADs on sign-extended weight pairs. */
static int32_t dot4(uint32_t x02, uint32_t x13, const int8_t *w, int32_t acc)
{
    uint32_t packed = load_u32(w);
    int16x2_t w02 = __sxtb16(packed);
    int16x2_t w13;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(w13) : "r"(packed)); /* gcc 12 does not fold a rotate into SXTB16 */
    acc = __smlad((int16x2_t)x02, w02, acc);
    return __smlad((int16x2_t)x13, w13, acc);
}
#endif

static int32_t dot_row(const int16_t *x, int32_t n, const int8_t *w)
{
    int32_t acc = 0;
    int32_t i = 0;
#if defined(WK_USE_DSP)
    for (; i + 4 <= n; i += 4) {
        acc = dot4(load_u32(x + i), load_u32(x + i + 2), w + i, acc);
    }
#endif
    for (; i < n; i++) {
        acc += (int32_t)x[i] * w[i];
    }

    return acc;
}

static int8_t finish(int32_t acc, const int32_t *bias, int32_t r, const wk_quant *q)
{
    int32_t e = q->quant_count == 1 ? 0 : r;
    if (bias != 0) {
        acc += bias[r];
    }

    return wk_requantize_to_activation(acc, q->multipliers[e], q->shifts[e], q->output_offset,
                                       q->activation_min, q->activation_max);
}

void wk_matvec_s8(const int16_t *x, int32_t n, const int8_t *w, int32_t row_stride, int32_t rows,
                  const int32_t *bias, const wk_quant *q, int8_t *out)
{
    int32_t r = 0;
    for (; r + 4 <= rows; r += 4) {
        const int8_t *w0 = w + r * row_stride;
        const int8_t *w1 = w0 + row_stride;
        const int8_t *w2 = w1 + row_stride;
        const int8_t *w3 = w2 + row_stride;
        int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int32_t i = 0;
#if defined(WK_USE_DSP)
        for (; i + 4 <= n; i += 4) {
            uint32_t x02 = load_u32(x + i);
            uint32_t x13 = load_u32(x + i + 2);
            a0 = dot4(x02, x13, w0 + i, a0);
            a1 = dot4(x02, x13, w1 + i, a1);
            a2 = dot4(x02, x13, w2 + i, a2);
            a3 = dot4(x02, x13, w3 + i, a3);
        }
#endif
        for (; i < n; i++) {
            int32_t xv = x[i];
            a0 += xv * w0[i];
            a1 += xv * w1[i];
            a2 += xv * w2[i];
            a3 += xv * w3[i];
        }

        out[r] = finish(a0, bias, r, q);
        out[r + 1] = finish(a1, bias, r + 1, q);
        out[r + 2] = finish(a2, bias, r + 2, q);
        out[r + 3] = finish(a3, bias, r + 3, q);
    }

    for (; r < rows; r++) {
        out[r] = finish(dot_row(x, n, w + r * row_stride), bias, r, q);
    }
}

int32_t wk_uses_dsp_extension(void)
{
#if defined(WK_USE_DSP)
    return 1;
#else
    return 0;
#endif
}
