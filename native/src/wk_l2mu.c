/* L2muCell.cs (event-driven Step) in C: the order of KERNEL-SPEC 3, u -> m -> h -> out. */
#include <string.h>
#include "wearable_kernels.h"

void wk_fanout_accumulate(const wk_fanout *w, const int32_t *active, int32_t count, int64_t *acc)
{
    int32_t n = w->outputs;
    int32_t a;
    for (a = 0; a < count; a++) {
        int32_t row = active[a] * n;
        int32_t o;
        if (w->w8 != 0) {
            const int8_t *r = w->w8 + row;
            for (o = 0; o < n; o++) {
                acc[o] += r[o];
            }
        } else {
            const int16_t *r = w->w16 + row;
            for (o = 0; o < n; o++) {
                acc[o] += r[o];
            }
        }
    }
}

void wk_l2mu_reset(wk_l2mu *cell)
{
    wk_population_reset(&cell->u);
    wk_population_reset(&cell->m);
    wk_population_reset(&cell->h);
    wk_population_reset(&cell->out);
    memset(cell->counts, 0, (size_t)cell->output_count * sizeof(int32_t));
}

void wk_l2mu_step(wk_l2mu *cell, const int32_t *active_inputs, int32_t active_count)
{
    int32_t d = cell->order;
    int64_t *acc_m = cell->m.acc;
    int32_t a, k;

    wk_fanout_accumulate(&cell->ex, active_inputs, active_count, cell->u.acc);
    wk_fanout_accumulate(&cell->eh, cell->h.active, cell->h.active_count, cell->u.acc);
    wk_fanout_accumulate(&cell->em, cell->m.active, cell->m.active_count, cell->u.acc);
    wk_population_step(&cell->u);

    /* A memory spike (i, j) adds column j of Abar to neurons (i, 0..d-1); a u spike adds Bbar. */
    for (a = 0; a < cell->m.active_count; a++) {
        int32_t q = cell->m.active[a];
        int32_t i = q / d;
        int32_t j = q - i * d;
        for (k = 0; k < d; k++) {
            acc_m[i * d + k] += cell->abar_transposed[j * d + k];
        }
    }

    for (a = 0; a < cell->u.active_count; a++) {
        int32_t target = cell->u.active[a] * d;
        for (k = 0; k < d; k++) {
            acc_m[target + k] += cell->bbar[k];
        }
    }

    wk_population_step(&cell->m);

    wk_fanout_accumulate(&cell->wx, active_inputs, active_count, cell->h.acc);
    wk_fanout_accumulate(&cell->wh, cell->h.active, cell->h.active_count, cell->h.acc);
    wk_fanout_accumulate(&cell->wm, cell->m.active, cell->m.active_count, cell->h.acc);
    wk_population_step(&cell->h);

    wk_fanout_accumulate(&cell->wo, cell->h.active, cell->h.active_count, cell->out.acc);
    wk_population_step(&cell->out);
    for (a = 0; a < cell->out.active_count; a++) {
        cell->counts[cell->out.active[a]]++;
    }
}

int32_t wk_l2mu_decision(const wk_l2mu *cell)
{
    int32_t best = 0;
    int32_t c;
    for (c = 1; c < cell->output_count; c++) {
        if (cell->counts[c] > cell->counts[best]) {
            best = c;
        }
    }

    return best;
}
