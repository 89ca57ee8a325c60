/*
 * Cost of the twins on the emulated M7. Under QEMU's -icount shift=0 every guest instruction advances
 * the virtual clock by 1 ns, so timer ticks (25 MHz) x 40 = instructions executed: an instruction
 * count, not a cycle count. The host divides by the work units (MACs or sample steps).
 * Each line: "M <name> <work units per repetition> <repetitions> <ticks>".
 */
#include <stdint.h>
#include <string.h>
#include "board.h"
#include "bench.h"
#include "wearable_kernels.h"

#define REPS 20

static int8_t s_weights[64 * 256];
static int8_t s_input[64 * 32];
static int8_t s_output[64 * 64];
static int16_t s_scratch[256];
static int32_t s_bias[64];
static int32_t s_mult[64];
static int32_t s_shift[64];
static int32_t s_samples[2 * 240];
static int32_t s_state[2 * 2 * 5];
static int64_t s_acc[256];
static int32_t s_current[256];
static int32_t s_membrane[256];
static uint8_t s_spikes[256];
static int32_t s_active[256];

static void report(const char *name, uint32_t units, uint32_t reps, uint32_t ticks)
{
    uart_write_text("M ");
    uart_write_text(name);
    uart_write_text(" ");
    uart_write_decimal(units);
    uart_write_text(" ");
    uart_write_decimal(reps);
    uart_write_text(" ");
    uart_write_decimal(ticks);
    uart_write_text("\n");
}

static void fill(void)
{
    uint32_t x = 12345u;
    uint32_t i;
    for (i = 0; i < sizeof(s_weights); i++) {
        x = x * 1103515245u + 12345u;
        s_weights[i] = (int8_t)((x >> 16) % 255u - 127);
    }

    for (i = 0; i < sizeof(s_input); i++) {
        x = x * 1103515245u + 12345u;
        s_input[i] = (int8_t)(x >> 16);
    }

    for (i = 0; i < 64; i++) {
        s_bias[i] = (int32_t)i * 100 - 3000;
        s_mult[i] = 1518500250 + (int32_t)i * 1000;
        s_shift[i] = -9;
    }

    for (i = 0; i < 2 * 240; i++) {
        x = x * 1103515245u + 12345u;
        s_samples[i] = (int32_t)(int16_t)(x >> 16);
    }
}

static wk_quant quant(int32_t count)
{
    wk_quant q;
    q.input_offset = 3;
    q.output_offset = -5;
    q.activation_min = -128;
    q.activation_max = 127;
    q.multipliers = s_mult;
    q.shifts = s_shift;
    q.quant_count = count;
    return q;
}

static void bench_matvec(void)
{
    /* 64 outputs x 256 inputs: the dense / pointwise core without gathering. */
    wk_quant q = quant(64);
    uint32_t start, r;
    wk_gather_s8(s_scratch, s_input, 256, q.input_offset);
    start = timer_now();
    for (r = 0; r < REPS; r++) {
        wk_matvec_s8(s_scratch, 256, s_weights, 256, 64, s_bias, &q, s_output);
    }

    report("matvec.64x256", 64u * 256u, REPS, timer_now() - start);
}

static void bench_conv(void)
{
    /* conv1d K5, 16 -> 32 channels, 32 frames valid: 28 x 32 x 80 MACs, gathering included. */
    wk_quant q = quant(32);
    uint32_t start, r;
    start = timer_now();
    for (r = 0; r < REPS; r++) {
        wk_conv1d_s8(s_input, 32, 16, 32, 5, 1, 1, WK_PADDING_VALID, s_weights, s_bias, &q, s_output, s_scratch);
    }

    report("conv1d.k5.16x32.t32", 28u * 32u * 80u, REPS, timer_now() - start);
}

static void bench_depthwise(void)
{
    wk_quant q = quant(32);
    uint32_t start, r;
    start = timer_now();
    for (r = 0; r < REPS; r++) {
        wk_depthwise_conv1d_s8(s_input, 32, 16, 2, 3, 1, 1, WK_PADDING_VALID, s_weights, s_bias, &q, s_output);
    }

    report("depthwise.k3m2.16ch.t32", 30u * 32u * 3u, REPS, timer_now() - start);
}

static void bench_biquad(void)
{
    static const int32_t band[10] = {
        1027080468, -2054160935, 1027080468, -2052132225, 982447822,
        266654203, 533308406, 266654203, -197798065, 190673053,
    };
    uint32_t start, r;
    memset(s_state, 0, sizeof(s_state));
    start = timer_now();
    for (r = 0; r < REPS; r++) {
        wk_biquad_cascade(s_samples, 240, 2, band, 2, s_state);
    }

    /* Work unit: one sample through one section. */
    report("biquad.2ch.2sec.t240", 240u * 2u * 2u, REPS, timer_now() - start);
}

static void bench_population(const char *name, int cuba)
{
    wk_population p;
    uint32_t start, r;
    int32_t n;
    wk_population_init(&p, 256, 6, 819, 410, 1 << 14, s_acc, cuba ? s_current : 0, s_membrane, s_spikes, s_active);
    wk_population_reset(&p);
    start = timer_now();
    for (r = 0; r < REPS; r++) {
        for (n = 0; n < 256; n++) {
            p.acc[n] = s_input[n] * 4;
        }

        wk_population_step(&p);
    }

    /* Work unit: one neuron update (the drive fill loop is included). */
    report(name, 256u, REPS, timer_now() - start);
}

static void bench_l2mu(void)
{
    /* The snn.l2mu contract cell, 480 steps of a fixed spike pattern: one work unit = one cell step. */
    static uint8_t pattern[480];
    static uint8_t out[WK_HIL_MAX_OUTPUT];
    uint32_t start, i;
    for (i = 0; i < 480; i++) {
        pattern[i] = (uint8_t)s_input[i];
    }

    wk_hil_run("snn.l2mu", pattern, 480, out, WK_HIL_MAX_OUTPUT);
    start = timer_now();
    wk_hil_run("snn.l2mu", pattern, 480, out, WK_HIL_MAX_OUTPUT);
    report("l2mu.cell-step", 1u, 480u, timer_now() - start);
}

static void bench_overhead(void)
{
    uint32_t start = timer_now();
    report("timer.read", 1u, 1u, timer_now() - start);
}

void bench_run_all(void)
{
    fill();
    bench_overhead();
    bench_matvec();
    bench_conv();
    bench_depthwise();
    bench_biquad();
    bench_population("lif.256", 0);
    bench_population("cuba-lif.256", 1);
    bench_l2mu();
}
