/*
 * The HIL byte contracts of docs/hil.md for the twinned kernels: the same decoding, checks and encoding
 * as the C# adapters in shared-kernels/Wearable.Kernels.Shared/Hil, so a golden suite made on the
 * desktop runs unchanged here. Every buffer is static (no heap); a run starts from a reset state.
 */
#include <string.h>
#include "wk_internal.h"

#define MAX_CHANNELS 10
#define MAX_FRAMES 64

/* Little-endian cursor that never reads past the end: an overrun is remembered and answered with -1. */
typedef struct reader {
    const uint8_t *p;
    int32_t remaining;
    int32_t overrun;
} reader;

static void start(reader *r, const uint8_t *input, int32_t length)
{
    r->p = input;
    r->remaining = length;
    r->overrun = input == 0 || length < 0 || length > WK_HIL_MAX_INPUT;
    if (r->overrun) {
        r->remaining = 0;
    }
}

static int32_t take(reader *r, int32_t count)
{
    if (r->overrun || r->remaining < count) {
        r->overrun = 1;
        return 0;
    }

    return 1;
}

static int32_t read_i32(reader *r)
{
    uint32_t v;
    if (!take(r, 4)) {
        return 0;
    }

    v = (uint32_t)r->p[0] | ((uint32_t)r->p[1] << 8) | ((uint32_t)r->p[2] << 16) | ((uint32_t)r->p[3] << 24);
    r->p += 4;
    r->remaining -= 4;
    return (int32_t)v;
}

static int32_t read_i16(reader *r)
{
    uint16_t v;
    if (!take(r, 2)) {
        return 0;
    }

    v = (uint16_t)(r->p[0] | (r->p[1] << 8));
    r->p += 2;
    r->remaining -= 2;
    return (int16_t)v;
}

static int32_t read_i8(reader *r)
{
    if (!take(r, 1)) {
        return 0;
    }

    r->remaining--;
    return (int8_t)*r->p++;
}

static int32_t read_bytes(reader *r, void *dst, int32_t count)
{
    if (!take(r, count)) {
        return 0;
    }

    memcpy(dst, r->p, (size_t)count);
    r->p += count;
    r->remaining -= count;
    return 1;
}

static void write_i32(uint8_t *out, int32_t value)
{
    uint32_t v = (uint32_t)value;
    out[0] = (uint8_t)v;
    out[1] = (uint8_t)(v >> 8);
    out[2] = (uint8_t)(v >> 16);
    out[3] = (uint8_t)(v >> 24);
}

/* ---- Q(C): the prefix of the requantizing CNN contracts (CnnQuantBlock.cs) ---- */

static int32_t s_multipliers[MAX_CHANNELS];
static int32_t s_shifts[MAX_CHANNELS];
static int32_t s_bias[MAX_CHANNELS];
static int8_t s_weights[MAX_CHANNELS * 5 * 8 + 320];
static int8_t s_input[WK_HIL_MAX_INPUT];
static int16_t s_scratch[WK_HIL_MAX_INPUT];

static int32_t read_quant(reader *r, int32_t channels, wk_quant *q)
{
    int32_t ok, c;
    q->input_offset = read_i32(r);
    q->output_offset = read_i32(r);
    q->activation_min = read_i8(r);
    q->activation_max = read_i8(r);
    q->multipliers = s_multipliers;
    q->shifts = s_shifts;
    q->quant_count = channels;
    ok = q->activation_min <= q->activation_max && q->input_offset >= -255 && q->input_offset <= 255
        && q->output_offset >= -128 && q->output_offset <= 127;
    for (c = 0; c < channels; c++) {
        s_multipliers[c] = read_i32(r);
        s_shifts[c] = read_i8(r);
        s_bias[c] = read_i32(r);
        if (s_shifts[c] < -31 || s_shifts[c] > 30 || s_multipliers[c] < 0) {
            ok = 0;
        }
    }

    return ok && !r->overrun;
}

/* Quant block, weights, then 1..max_frames whole frames of `channels` int8: returns the frame count or -1. */
static int32_t read_layer(reader *r, int32_t quant_channels, int32_t weight_count, int32_t channels, int32_t max_frames, wk_quant *q)
{
    int32_t frames;
    if (!read_quant(r, quant_channels, q) || !read_bytes(r, s_weights, weight_count)) {
        return -1;
    }

    frames = r->remaining / channels;
    if (frames < 1 || frames > max_frames || r->remaining % channels != 0) {
        return -1;
    }

    read_bytes(r, s_input, frames * channels);
    return frames;
}

static int32_t run_conv1d(const uint8_t *in, int32_t length, uint8_t *out, int32_t max_output,
                          int32_t kernel, int32_t cin, int32_t cout, int32_t stride, int32_t dilation, int32_t padding)
{
    reader r;
    wk_quant q;
    int32_t frames, out_frames;
    start(&r, in, length);
    frames = read_layer(&r, cout, cout * kernel * cin, cin, MAX_FRAMES, &q);
    if (frames < 0) {
        return WK_HIL_BAD_INPUT;
    }

    out_frames = wk_conv_output_length(frames, kernel, stride, dilation, padding);
    if (out_frames < 1 || out_frames * cout > max_output) {
        return WK_HIL_BAD_INPUT;
    }

    wk_conv1d_s8(s_input, frames, cin, cout, kernel, stride, dilation, padding, s_weights, s_bias, &q, (int8_t *)out, s_scratch);
    return out_frames * cout;
}

static int32_t run_depthwise(const uint8_t *in, int32_t length, uint8_t *out, int32_t max_output)
{
    const int32_t kernel = 3, cin = 4, multiplier = 2, cout = 8;
    reader r;
    wk_quant q;
    int32_t frames, out_frames;
    start(&r, in, length);
    frames = read_layer(&r, cout, kernel * cout, cin, MAX_FRAMES, &q);
    if (frames < 0) {
        return WK_HIL_BAD_INPUT;
    }

    out_frames = wk_conv_output_length(frames, kernel, 1, 1, WK_PADDING_SAME);
    if (out_frames < 1 || out_frames * cout > max_output) {
        return WK_HIL_BAD_INPUT;
    }

    wk_depthwise_conv1d_s8(s_input, frames, cin, multiplier, kernel, 1, 1, WK_PADDING_SAME, s_weights, s_bias, &q, (int8_t *)out);
    return out_frames * cout;
}

static int32_t run_pointwise(const uint8_t *in, int32_t length, uint8_t *out, int32_t max_output)
{
    const int32_t cin = 8, cout = 6;
    reader r;
    wk_quant q;
    int32_t frames;
    start(&r, in, length);
    frames = read_layer(&r, cout, cout * cin, cin, MAX_FRAMES, &q);
    if (frames < 0 || frames * cout > max_output) {
        return WK_HIL_BAD_INPUT;
    }

    wk_pointwise_conv_s8(s_input, frames, cin, cout, s_weights, s_bias, &q, (int8_t *)out, s_scratch);
    return frames * cout;
}

static int32_t run_dense(const uint8_t *in, int32_t length, uint8_t *out, int32_t max_output)
{
    const int32_t inputs = 32, units = 10;
    reader r;
    wk_quant q;
    start(&r, in, length);
    if (!read_quant(&r, units, &q) || !read_bytes(&r, s_weights, units * inputs) || r.remaining != inputs || units > max_output) {
        return WK_HIL_BAD_INPUT;
    }

    read_bytes(&r, s_input, inputs);
    wk_dense_s8(s_input, inputs, units, s_weights, s_bias, &q, (int8_t *)out, s_scratch);
    return units;
}

static int32_t run_requantize(const uint8_t *in, int32_t length, uint8_t *out, int32_t max_output)
{
    reader r;
    int32_t multiplier, shift, offset, min, max, count, i;
    start(&r, in, length);
    multiplier = read_i32(&r);
    shift = read_i8(&r);
    offset = read_i8(&r);
    min = read_i8(&r);
    max = read_i8(&r);
    count = r.remaining / 4;
    if (r.overrun || r.remaining % 4 != 0 || count < 1 || count > 240 || count > max_output
        || multiplier < 0 || shift < -31 || shift > 30 || min > max) {
        return WK_HIL_BAD_INPUT;
    }

    for (i = 0; i < count; i++) {
        out[i] = (uint8_t)wk_requantize_to_activation(read_i32(&r), multiplier, shift, offset, min, max);
    }

    return count;
}

/* ---- dsp.biquad: the 2 kHz sEMG band's first and last sections, guard 8 (FrontEndHilConstants.cs) ---- */

static const int32_t k_band[10] = {
    1027080468, -2054160935, 1027080468, -2052132225, 982447822,
    266654203, 533308406, 266654203, -197798065, 190673053,
};

static int32_t s_samples[240 * 2];
static int32_t s_biquad_state[2 * 2 * 5];

static int32_t run_biquad(const uint8_t *in, int32_t length, uint8_t *out, int32_t max_output)
{
    const int32_t channels = 2, guard_bits = 8;
    int32_t frames = length / (2 * channels);
    int32_t count = frames * channels;
    reader r;
    int32_t i;
    if (length % (2 * channels) != 0 || frames < 1 || frames > 240 || count * 2 > max_output) {
        return WK_HIL_BAD_INPUT;
    }

    /* As the C# adapter: the int16 samples enter the int overload unshifted, then leave through ToInt16. */
    start(&r, in, length);
    for (i = 0; i < count; i++) {
        s_samples[i] = wk_biquad_clamp(read_i16(&r));
    }

    memset(s_biquad_state, 0, sizeof(s_biquad_state));
    wk_biquad_cascade(s_samples, frames, channels, k_band, 2, s_biquad_state);
    for (i = 0; i < count; i++) {
        int32_t v = (int32_t)(((int64_t)s_samples[i] + (1 << (guard_bits - 1))) >> guard_bits);
        int16_t y = (int16_t)(v > 32767 ? 32767 : (v < -32768 ? -32768 : v));
        out[2 * i] = (uint8_t)y;
        out[2 * i + 1] = (uint8_t)((uint16_t)y >> 8);
    }

    return count * 2;
}

/* ---- snn.lif / snn.cuba-lif: 16 neurons, F 14, Fw 8, threshold 1.0, subtract reset (SpikingHilAdapter.cs) ---- */

#define SPIKING_NEURONS 16

static int64_t s_pop_acc[SPIKING_NEURONS];
static int32_t s_pop_current[SPIKING_NEURONS];
static int32_t s_pop_membrane[SPIKING_NEURONS];
static uint8_t s_pop_spikes[SPIKING_NEURONS];
static int32_t s_pop_active[SPIKING_NEURONS];

static int32_t run_spiking(const uint8_t *in, int32_t length, uint8_t *out, int32_t max_output, int32_t cuba)
{
    int32_t steps = length / (2 * SPIKING_NEURONS);
    int32_t produced = 0;
    wk_population p;
    reader r;
    int32_t s, n;
    if (length % (2 * SPIKING_NEURONS) != 0 || steps < 1 || steps > 30 || steps * 2 + SPIKING_NEURONS * 4 > max_output) {
        return WK_HIL_BAD_INPUT;
    }

    wk_population_init(&p, SPIKING_NEURONS, 14 - 8, 819, 410, 1 << 14, s_pop_acc, cuba ? s_pop_current : 0,
                       s_pop_membrane, s_pop_spikes, s_pop_active);
    wk_population_reset(&p);
    start(&r, in, length);
    for (s = 0; s < steps; s++) {
        int32_t mask = 0;
        for (n = 0; n < SPIKING_NEURONS; n++) {
            p.acc[n] += read_i16(&r);
        }

        wk_population_step(&p);
        for (n = 0; n < SPIKING_NEURONS; n++) {
            mask |= p.spikes[n] << n;
        }

        out[produced++] = (uint8_t)mask;
        out[produced++] = (uint8_t)(mask >> 8);
    }

    for (n = 0; n < SPIKING_NEURONS; n++) {
        write_i32(out + produced, p.membrane[n]);
        produced += 4;
    }

    return produced;
}

/* ---- snn.l2mu: 8 in, memory 2 x order 2 (theta 8), hidden 8, 4 out, weights from xorshift32 (L2muHilAdapter.cs) ---- */

#define L2MU_IN 8
#define L2MU_MEM 2
#define L2MU_ORDER 2
#define L2MU_MEM_NEURONS (L2MU_MEM * L2MU_ORDER)
#define L2MU_HIDDEN 8
#define L2MU_OUT 4

static const int16_t k_abar_transposed[4] = { 14148, 4760, -1587, 10974 }; /* AbarQ14 {14148, -1587, 4760, 10974} transposed */
static const int16_t k_bbar[2] = { 2236, -4760 };

static int8_t s_ex[L2MU_IN * L2MU_MEM], s_eh[L2MU_HIDDEN * L2MU_MEM], s_em[L2MU_MEM_NEURONS * L2MU_MEM];
static int16_t s_wx[L2MU_IN * L2MU_HIDDEN], s_wh[L2MU_HIDDEN * L2MU_HIDDEN], s_wm[L2MU_MEM_NEURONS * L2MU_HIDDEN];
static int8_t s_wo[L2MU_HIDDEN * L2MU_OUT];
static int64_t s_acc_u[L2MU_MEM], s_acc_m[L2MU_MEM_NEURONS], s_acc_h[L2MU_HIDDEN], s_acc_o[L2MU_OUT];
static int32_t s_mem_u[L2MU_MEM], s_mem_m[L2MU_MEM_NEURONS], s_mem_h[L2MU_HIDDEN], s_mem_o[L2MU_OUT];
static uint8_t s_spk_u[L2MU_MEM], s_spk_m[L2MU_MEM_NEURONS], s_spk_h[L2MU_HIDDEN], s_spk_o[L2MU_OUT];
static int32_t s_act_u[L2MU_MEM], s_act_m[L2MU_MEM_NEURONS], s_act_h[L2MU_HIDDEN], s_act_o[L2MU_OUT];
static int32_t s_counts[L2MU_OUT];
static int32_t s_l2mu_ready;
static wk_l2mu s_cell;

static uint32_t xorshift32(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

static void weights8(uint32_t *state, int8_t *w, int32_t count)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        w[i] = (int8_t)((int32_t)(xorshift32(state) % 127u) - 50);
    }
}

static void weights16(uint32_t *state, int16_t *w, int32_t count)
{
    int32_t i;
    for (i = 0; i < count; i++) {
        w[i] = (int16_t)((int32_t)(xorshift32(state) % 2401u) - 1000);
    }
}

static wk_population lif(int32_t neurons, int32_t weight_fraction_bits, int64_t *acc, int32_t *membrane, uint8_t *spikes, int32_t *active)
{
    wk_population p;
    wk_population_init(&p, neurons, 14 - weight_fraction_bits, 0, 410, 1 << 14, acc, 0, membrane, spikes, active);
    return p;
}

static wk_fanout fanout(int32_t inputs, int32_t outputs, const int8_t *w8, const int16_t *w16)
{
    wk_fanout f;
    f.inputs = inputs;
    f.outputs = outputs;
    f.w8 = w8;
    f.w16 = w16;
    return f;
}

/* Builds the cell once, drawing the weights in the C# constructor's argument order. */
static void build_l2mu(void)
{
    uint32_t state = 0x2545F491u;
    weights8(&state, s_ex, L2MU_IN * L2MU_MEM);
    weights8(&state, s_eh, L2MU_HIDDEN * L2MU_MEM);
    weights8(&state, s_em, L2MU_MEM_NEURONS * L2MU_MEM);
    weights16(&state, s_wx, L2MU_IN * L2MU_HIDDEN);
    weights16(&state, s_wh, L2MU_HIDDEN * L2MU_HIDDEN);
    weights16(&state, s_wm, L2MU_MEM_NEURONS * L2MU_HIDDEN);
    weights8(&state, s_wo, L2MU_HIDDEN * L2MU_OUT);
    s_cell.order = L2MU_ORDER;
    s_cell.memory_size = L2MU_MEM;
    s_cell.ex = fanout(L2MU_IN, L2MU_MEM, s_ex, 0);
    s_cell.eh = fanout(L2MU_HIDDEN, L2MU_MEM, s_eh, 0);
    s_cell.em = fanout(L2MU_MEM_NEURONS, L2MU_MEM, s_em, 0);
    s_cell.wx = fanout(L2MU_IN, L2MU_HIDDEN, 0, s_wx);
    s_cell.wh = fanout(L2MU_HIDDEN, L2MU_HIDDEN, 0, s_wh);
    s_cell.wm = fanout(L2MU_MEM_NEURONS, L2MU_HIDDEN, 0, s_wm);
    s_cell.wo = fanout(L2MU_HIDDEN, L2MU_OUT, s_wo, 0);
    s_cell.abar_transposed = k_abar_transposed;
    s_cell.bbar = k_bbar;
    s_cell.u = lif(L2MU_MEM, 6, s_acc_u, s_mem_u, s_spk_u, s_act_u);
    s_cell.m = lif(L2MU_MEM_NEURONS, 14, s_acc_m, s_mem_m, s_spk_m, s_act_m);
    s_cell.h = lif(L2MU_HIDDEN, 10, s_acc_h, s_mem_h, s_spk_h, s_act_h);
    s_cell.out = lif(L2MU_OUT, 6, s_acc_o, s_mem_o, s_spk_o, s_act_o);
    s_cell.counts = s_counts;
    s_cell.output_count = L2MU_OUT;
    s_l2mu_ready = 1;
}

static int32_t spike_mask(const uint8_t *spikes, int32_t count)
{
    int32_t mask = 0, i;
    for (i = 0; i < count; i++) {
        mask |= spikes[i] << i;
    }

    return mask;
}

static int32_t run_l2mu(const uint8_t *in, int32_t length, uint8_t *out, int32_t max_output)
{
    int32_t produced = 2 * length + 4 * L2MU_OUT + 1;
    int32_t active[L2MU_IN];
    int32_t at = 0, s, o;
    if (in == 0 || length < 1 || length > 480 || produced > max_output) {
        return WK_HIL_BAD_INPUT;
    }

    if (!s_l2mu_ready) {
        build_l2mu();
    }

    wk_l2mu_reset(&s_cell);
    for (s = 0; s < length; s++) {
        int32_t count = 0, i;
        for (i = 0; i < L2MU_IN; i++) {
            if (in[s] & (1 << i)) {
                active[count++] = i;
            }
        }

        wk_l2mu_step(&s_cell, active, count);
        out[at++] = (uint8_t)spike_mask(s_cell.h.spikes, L2MU_HIDDEN);
        out[at++] = (uint8_t)spike_mask(s_cell.out.spikes, L2MU_OUT);
    }

    for (o = 0; o < L2MU_OUT; o++) {
        write_i32(out + at, s_cell.counts[o]);
        at += 4;
    }

    out[at] = (uint8_t)wk_l2mu_decision(&s_cell);
    return produced;
}

/* ---- dispatch ---- */

static const char *const k_names[] = {
    "dsp.biquad",
    "snn.lif",
    "snn.cuba-lif",
    "snn.l2mu",
    "cnn.conv1d.k3",
    "cnn.conv1d.k5s2d2-same",
    "cnn.depthwise.k3m2",
    "cnn.pointwise.8x6",
    "cnn.dense.32x10",
    "cnn.requantize",
    0,
};

static int32_t same(const char *a, const char *b)
{
    while (*a != 0 && *a == *b) {
        a++;
        b++;
    }

    return *a == *b;
}

const char *wk_hil_kernel_name(int32_t index)
{
    int32_t count = (int32_t)(sizeof(k_names) / sizeof(k_names[0])) - 1;
    return index >= 0 && index < count ? k_names[index] : 0;
}

int32_t wk_hil_run(const char *name, const uint8_t *input, int32_t length, uint8_t *output, int32_t max_output)
{
    if (name == 0 || output == 0) {
        return WK_HIL_BAD_INPUT;
    }

    if (max_output > WK_HIL_MAX_OUTPUT) {
        max_output = WK_HIL_MAX_OUTPUT;
    }

    if (same(name, "dsp.biquad")) {
        return run_biquad(input, length, output, max_output);
    }

    if (same(name, "snn.lif")) {
        return run_spiking(input, length, output, max_output, 0);
    }

    if (same(name, "snn.cuba-lif")) {
        return run_spiking(input, length, output, max_output, 1);
    }

    if (same(name, "snn.l2mu")) {
        return run_l2mu(input, length, output, max_output);
    }

    if (same(name, "cnn.conv1d.k3")) {
        return run_conv1d(input, length, output, max_output, 3, 4, 4, 1, 1, WK_PADDING_VALID);
    }

    if (same(name, "cnn.conv1d.k5s2d2-same")) {
        return run_conv1d(input, length, output, max_output, 5, 3, 5, 2, 2, WK_PADDING_SAME);
    }

    if (same(name, "cnn.depthwise.k3m2")) {
        return run_depthwise(input, length, output, max_output);
    }

    if (same(name, "cnn.pointwise.8x6")) {
        return run_pointwise(input, length, output, max_output);
    }

    if (same(name, "cnn.dense.32x10")) {
        return run_dense(input, length, output, max_output);
    }

    if (same(name, "cnn.requantize")) {
        return run_requantize(input, length, output, max_output);
    }

    return WK_HIL_UNKNOWN_KERNEL;
}
