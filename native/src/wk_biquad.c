/*
 * BiquadCascade.cs (RunSections) in C: direct form I, Q2.30 coefficients, int64 accumulation, the
 * floored-away bits carried into the next sample (first-order error feedback), state clamped to +-(2^29 - 1).
 */
#include "wearable_kernels.h"

#define WK_BIQUAD_FRACTION_BITS 30
#define WK_BIQUAD_STATE_LIMIT ((1 << 29) - 1)

int32_t wk_biquad_clamp(int32_t value)
{
    if (value > WK_BIQUAD_STATE_LIMIT) {
        return WK_BIQUAD_STATE_LIMIT;
    }

    if (value < -WK_BIQUAD_STATE_LIMIT) {
        return -WK_BIQUAD_STATE_LIMIT;
    }

    return value;
}

void wk_biquad_cascade(int32_t *buffer, int32_t frames, int32_t channels,
                       const int32_t *coefficients, int32_t sections, int32_t *state)
{
    int32_t end = frames * channels;
    int32_t ch;
    for (ch = 0; ch < channels; ch++) {
        int32_t *s = state + ch * sections * 5;
        const int32_t *c = coefficients;
        int32_t k;
        for (k = 0; k < sections; k++, c += 5, s += 5) {
            int64_t b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4];
            int32_t x1 = s[0], x2 = s[1], y1 = s[2], y2 = s[3], error = s[4];
            int32_t i;
            for (i = ch; i < end; i += channels) {
                int32_t x = buffer[i];
                int64_t acc = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2 + error;
                int64_t y = acc >> WK_BIQUAD_FRACTION_BITS;
                error = (int32_t)(acc - (int64_t)((uint64_t)y << WK_BIQUAD_FRACTION_BITS));
                if (y > WK_BIQUAD_STATE_LIMIT) {
                    y = WK_BIQUAD_STATE_LIMIT;
                    error = 0;
                } else if (y < -WK_BIQUAD_STATE_LIMIT) {
                    y = -WK_BIQUAD_STATE_LIMIT;
                    error = 0;
                }

                x2 = x1;
                x1 = x;
                y2 = y1;
                y1 = (int32_t)y;
                buffer[i] = y1;
            }

            s[0] = x1;
            s[1] = x2;
            s[2] = y1;
            s[3] = y2;
            s[4] = error;
        }
    }
}
