/*
 * Native C99 twins of the hot shared kernels (shared-kernels/Wearable.Kernels.Shared). The C# kernels are
 * the specification (docs/cnn-kernels.md, docs/kernels.md); every function here must give the same
 * integers, which the golden HIL suites check byte for byte (docs/native.md).
 *
 * No heap, no libc beyond memcpy/memset: callers own every buffer. Signed right shifts are arithmetic
 * (true for gcc and clang on every target we build for); signed left shifts that may overflow are done
 * on unsigned values so they wrap like C# instead of being undefined.
 */
#ifndef WEARABLE_KERNELS_H
#define WEARABLE_KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define WK_API __declspec(dllexport)
#elif defined(__GNUC__)
#define WK_API __attribute__((visibility("default")))
#else
#define WK_API
#endif

/* ---- int8 CNN (CMSIS-NN layout and TFLite Micro "double rounding" requantization) ---- */

enum wk_padding { WK_PADDING_VALID = 0, WK_PADDING_SAME = 1, WK_PADDING_CAUSAL = 2 };

/* Offsets and clamp bounds shared by every requantizing op; quant_count 1 = per tensor. */
typedef struct wk_quant {
    int32_t input_offset;       /* -z_in */
    int32_t output_offset;      /* z_out */
    int32_t activation_min;
    int32_t activation_max;
    const int32_t *multipliers; /* Q31, >= 0 */
    const int32_t *shifts;      /* -31..30, positive = left */
    int32_t quant_count;
} wk_quant;

WK_API int32_t wk_requantize(int32_t acc, int32_t multiplier, int32_t shift);
WK_API int8_t wk_requantize_to_activation(int32_t acc, int32_t multiplier, int32_t shift,
                                          int32_t output_offset, int32_t activation_min, int32_t activation_max);

/*
 * The one hot loop (MatVecS8): out[r] = clamp(requant(bias[r] + sum_i x[i] * w[r * row_stride + i]) + z_out).
 * x holds inputs already shifted by the input offset, as int16, in the order wk_gather_s8 writes them.
 * quant_base: first (M, S) entry of row 0 (per tensor: always entry 0).
 */
WK_API void wk_matvec_s8(const int16_t *x, int32_t n, const int8_t *w, int32_t row_stride, int32_t rows,
                         const int32_t *bias, const wk_quant *q, int8_t *out);

/*
 * Copies count int8 values plus offset into the matvec's operand buffer. The DSP build stores each
 * block of four as x0 x2 x1 x3 so one SXTB16 pair of the weights lines up with two SMLADs.
 */
WK_API void wk_gather_s8(int16_t *dst, const int8_t *src, int32_t count, int32_t offset);

WK_API int32_t wk_conv_output_length(int32_t length, int32_t kernel, int32_t stride, int32_t dilation, int32_t padding);

/* Conv1dS8: NWC input, weights [out][tap][in], scratch of kernel * cin int16. Returns output frames. */
WK_API int32_t wk_conv1d_s8(const int8_t *input, int32_t length, int32_t cin, int32_t cout,
                            int32_t kernel, int32_t stride, int32_t dilation, int32_t padding,
                            const int8_t *weights, const int32_t *bias, const wk_quant *q,
                            int8_t *output, int16_t *scratch);

/* DepthwiseConv1dS8: weights [tap][out], out = in * multiplier + m. Returns output frames. */
WK_API int32_t wk_depthwise_conv1d_s8(const int8_t *input, int32_t length, int32_t cin, int32_t multiplier,
                                      int32_t kernel, int32_t stride, int32_t dilation, int32_t padding,
                                      const int8_t *weights, const int32_t *bias, const wk_quant *q,
                                      int8_t *output);

/* PointwiseConvS8: weights [out][in], scratch of cin int16. */
WK_API void wk_pointwise_conv_s8(const int8_t *input, int32_t length, int32_t cin, int32_t cout,
                                 const int8_t *weights, const int32_t *bias, const wk_quant *q,
                                 int8_t *output, int16_t *scratch);

/* DenseS8: weights [unit][input], scratch of input_size int16. */
WK_API void wk_dense_s8(const int8_t *input, int32_t input_size, int32_t units,
                        const int8_t *weights, const int32_t *bias, const wk_quant *q,
                        int8_t *output, int16_t *scratch);

/*
 * The same two ops with every array a separate argument and element offsets (*_at) into them, as the
 * C# signatures have: for P/Invoke and nanoFramework interop. bias may be NULL.
 */
WK_API int32_t wk_conv1d_s8_flat(const int8_t *input, int32_t input_at, int32_t length, int32_t cin, int32_t cout,
                                 int32_t kernel, int32_t stride, int32_t dilation, int32_t padding,
                                 const int8_t *weights, int32_t weights_at, const int32_t *bias, int32_t bias_at,
                                 const int32_t *multipliers, const int32_t *shifts, int32_t quant_count,
                                 int32_t input_offset, int32_t output_offset, int32_t activation_min, int32_t activation_max,
                                 int8_t *output, int32_t output_at, int16_t *scratch);
WK_API void wk_dense_s8_flat(const int8_t *input, int32_t input_at, int32_t input_size, int32_t units,
                             const int8_t *weights, int32_t weights_at, const int32_t *bias, int32_t bias_at,
                             const int32_t *multipliers, const int32_t *shifts, int32_t quant_count,
                             int32_t input_offset, int32_t output_offset, int32_t activation_min, int32_t activation_max,
                             int8_t *output, int32_t output_at, int16_t *scratch);

/* ---- DSP front end ---- */

/*
 * BiquadCascade over interleaved guarded frames, in place: coefficients b0 b1 b2 a1 a2 (Q2.30) per
 * section, state 5 int32 per channel and section (x1 x2 y1 y2 carried error), values already clamped.
 */
WK_API void wk_biquad_cascade(int32_t *buffer, int32_t frames, int32_t channels,
                              const int32_t *coefficients, int32_t sections, int32_t *state);

/* BiquadCascade's input clamp to the state limit +-(2^29 - 1). */
WK_API int32_t wk_biquad_clamp(int32_t value);

/* ---- spiking populations (KERNEL-SPEC 2) ---- */

/*
 * A LIF (current == 0) or CuBa-LIF population with per-layer constants; acc is the step's synaptic
 * input in weight units (cleared by the step). Spikes are 0/1; active receives the indices that spiked.
 */
typedef struct wk_population {
    int32_t neurons;
    int32_t align_shift;    /* F - Fw */
    int32_t current_decay;  /* Da (CuBa only) */
    int32_t membrane_decay; /* D / Db */
    int32_t threshold;
    int32_t zero_reset;
    int64_t *acc;
    int32_t *current;       /* NULL: plain LIF */
    int32_t *membrane;
    uint8_t *spikes;
    int32_t *active;
    int32_t active_count;
} wk_population;

/* Fills every field (subtract reset, no active spikes); current NULL makes a plain LIF population. */
WK_API void wk_population_init(wk_population *p, int32_t neurons, int32_t align_shift, int32_t current_decay,
                               int32_t membrane_decay, int32_t threshold, int64_t *acc, int32_t *current,
                               int32_t *membrane, uint8_t *spikes, int32_t *active);
WK_API void wk_population_reset(wk_population *p);
WK_API void wk_population_step(wk_population *p);

/* ---- L2MU cell (KERNEL-SPEC 3), event-driven, fan-out contiguous weights ---- */

typedef struct wk_fanout {
    int32_t inputs;
    int32_t outputs;
    const int8_t *w8;   /* exactly one of w8 / w16 is set */
    const int16_t *w16;
} wk_fanout;

typedef struct wk_l2mu {
    int32_t order;
    int32_t memory_size;
    wk_fanout ex, eh, em, wx, wh, wm, wo;
    const int16_t *abar_transposed; /* [j][k] */
    const int16_t *bbar;
    wk_population u, m, h, out;
    int32_t *counts;
    int32_t output_count;
} wk_l2mu;

WK_API void wk_fanout_accumulate(const wk_fanout *w, const int32_t *active, int32_t count, int64_t *acc);
WK_API void wk_l2mu_reset(wk_l2mu *cell);
WK_API void wk_l2mu_step(wk_l2mu *cell, const int32_t *active_inputs, int32_t active_count);
WK_API int32_t wk_l2mu_decision(const wk_l2mu *cell);

/* ---- HIL byte contracts (docs/hil.md): the same adapters as HilAdapterCatalog, for the twinned kernels ---- */

#define WK_HIL_MAX_INPUT 988
#define WK_HIL_MAX_OUTPUT 1008
#define WK_HIL_BAD_INPUT (-1)
#define WK_HIL_UNKNOWN_KERNEL (-2)

/* Runs kernel `name` from a reset state; returns output bytes, WK_HIL_BAD_INPUT or WK_HIL_UNKNOWN_KERNEL. */
WK_API int32_t wk_hil_run(const char *name, const uint8_t *input, int32_t length, uint8_t *output, int32_t max_output);

/* Names of the kernels wk_hil_run knows, for listings: NULL after the last. */
WK_API const char *wk_hil_kernel_name(int32_t index);

/* 1 when built with the DSP-extension (SMLAD/SXTB16) matvec, 0 for the plain C path. */
WK_API int32_t wk_uses_dsp_extension(void);

#ifdef __cplusplus
}
#endif

#endif
