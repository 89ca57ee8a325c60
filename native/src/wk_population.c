/*
 * LifPopulation.cs and CuBaLifPopulation.cs in C (KERNEL-SPEC 2): the decay divides by 4096 rounding
 * toward zero (C99 `/` truncates, like C# on long), the input is clamped to +-2^40 before the
 * alignment shift, and state saturates to int32.
 */
#include <string.h>
#include "wearable_kernels.h"

#define WK_ACCUMULATOR_LIMIT ((int64_t)1 << 40)

static int32_t sat32(int64_t x)
{
    if (x > INT32_MAX) {
        return INT32_MAX;
    }

    if (x < INT32_MIN) {
        return INT32_MIN;
    }

    return (int32_t)x;
}

void wk_population_init(wk_population *p, int32_t neurons, int32_t align_shift, int32_t current_decay,
                        int32_t membrane_decay, int32_t threshold, int64_t *acc, int32_t *current,
                        int32_t *membrane, uint8_t *spikes, int32_t *active)
{
    p->neurons = neurons;
    p->align_shift = align_shift;
    p->current_decay = current_decay;
    p->membrane_decay = membrane_decay;
    p->threshold = threshold;
    p->zero_reset = 0;
    p->acc = acc;
    p->current = current;
    p->membrane = membrane;
    p->spikes = spikes;
    p->active = active;
    p->active_count = 0;
}

void wk_population_reset(wk_population *p)
{
    memset(p->acc, 0, (size_t)p->neurons * sizeof(int64_t));
    memset(p->membrane, 0, (size_t)p->neurons * sizeof(int32_t));
    memset(p->spikes, 0, (size_t)p->neurons);
    if (p->current != 0) {
        memset(p->current, 0, (size_t)p->neurons * sizeof(int32_t));
    }

    p->active_count = 0;
}

void wk_population_step(wk_population *p)
{
    int32_t keep_u = 4096 - p->membrane_decay;
    int32_t keep_i = 4096 - p->current_decay;
    int64_t scale = (int64_t)1 << p->align_shift;
    int32_t count = 0;
    int32_t i;
    for (i = 0; i < p->neurons; i++) {
        int64_t a = p->acc[i];
        int64_t drive, u;
        int32_t m;
        p->acc[i] = 0;
        if (a > WK_ACCUMULATOR_LIMIT) {
            a = WK_ACCUMULATOR_LIMIT;
        } else if (a < -WK_ACCUMULATOR_LIMIT) {
            a = -WK_ACCUMULATOR_LIMIT;
        }

        drive = a * scale;
        if (p->current != 0) {
            /* CuBa: the synaptic current integrates the drive, the membrane integrates the current. */
            int32_t current = sat32(((int64_t)p->current[i] * keep_i) / 4096 + drive);
            p->current[i] = current;
            drive = current;
        }

        if (p->spikes[i] == 0) {
            u = ((int64_t)p->membrane[i] * keep_u) / 4096 + drive;
        } else if (p->zero_reset) {
            u = drive;
        } else {
            u = ((int64_t)p->membrane[i] * keep_u) / 4096 + drive - p->threshold;
        }

        m = sat32(u);
        p->membrane[i] = m;
        if (m > p->threshold) {
            p->spikes[i] = 1;
            p->active[count++] = i;
        } else {
            p->spikes[i] = 0;
        }
    }

    p->active_count = count;
}
