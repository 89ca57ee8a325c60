/*
 * The qemu-m7 HIL image: runs the native twins on the emulated Cortex-M7 and answers the host over
 * UART0 in text lines (docs/native.md):
 *   host "R <kernel> <input hex>"  -> "O <timer ticks> <output hex>" or "E <code> <reason>"
 *   host "B"                       -> "M <name> <work units> <repetitions> <ticks>" lines, then "B done"
 *   host "P <kernel>"              -> "P ok": from now on that kernel's output byte length/2 is off by one
 *                                     (the rig's fault injection, as sim://?perturb= on the virtual board)
 *   host "Q"                       -> QEMU exits with status 0
 * plus the self-test kernels "selftest.hang" and "selftest.fault" that prove the host treats a hang and a
 * crash as failures. Hex keeps the link free of bytes a console or QEMU's chardev might interpret.
 */
#include <stdint.h>
#include <string.h>
#include "board.h"
#include "bench.h"
#include "wearable_kernels.h"

#define MAX_LINE (2 + 32 + 1 + 2 * WK_HIL_MAX_INPUT + 16)

static char s_line[MAX_LINE];
static uint8_t s_input[WK_HIL_MAX_INPUT];
static uint8_t s_output[WK_HIL_MAX_OUTPUT];
static char s_perturbed[33];

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }

    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }

    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }

    return -1;
}

/* Reads one line without its end; returns its length, or -1 when it did not fit (the rest is skipped). */
static int read_line(void)
{
    int n = 0;
    int overflow = 0;
    for (;;) {
        int c = uart_read_byte();
        if (c == '\n') {
            break;
        }

        if (c == '\r') {
            continue;
        }

        if (n < MAX_LINE - 1) {
            s_line[n++] = (char)c;
        } else {
            overflow = 1;
        }
    }

    s_line[n] = 0;
    return overflow ? -1 : n;
}

static void write_error(int code, const char *reason)
{
    uart_write_text(code < 0 ? "E -" : "E ");
    uart_write_decimal((uint32_t)(code < 0 ? -code : code));
    uart_write_text(" ");
    uart_write_text(reason);
    uart_write_text("\n");
}

static int text_equal(const char *a, const char *b)
{
    while (*a != 0 && *a == *b) {
        a++;
        b++;
    }

    return *a == *b;
}

static void self_test(const char *name)
{
    if (name[9] == 'h') {
        for (;;) {
            /* selftest.hang: never answers; the host's timeout must kill QEMU. */
        }
    }

    /* selftest.fault: an undefined instruction raises a UsageFault. */
    __asm__ volatile(".short 0xde00");
}

static void run_command(void)
{
    static const char digits[] = "0123456789abcdef";
    char *name = s_line + 2;
    char *hex = name;
    int bytes = 0, produced, i;
    uint32_t start, ticks;
    while (*hex != 0 && *hex != ' ') {
        hex++;
    }

    if (*hex == ' ') {
        *hex++ = 0;
    }

    if (text_equal(name, "selftest.hang") || text_equal(name, "selftest.fault")) {
        self_test(name);
    }

    while (hex[0] != 0) {
        int hi = hex_value(hex[0]);
        int lo = hex[1] != 0 ? hex_value(hex[1]) : -1;
        if (hi < 0 || lo < 0 || bytes >= WK_HIL_MAX_INPUT) {
            write_error(1, "input is not whole hex bytes or longer than 988 bytes");
            return;
        }

        s_input[bytes++] = (uint8_t)(hi * 16 + lo);
        hex += 2;
    }

    start = timer_now();
    produced = wk_hil_run(name, s_input, bytes, s_output, WK_HIL_MAX_OUTPUT);
    ticks = timer_now() - start;
    if (produced == WK_HIL_UNKNOWN_KERNEL) {
        write_error(produced, "unknown kernel");
        return;
    }

    if (produced < 0) {
        write_error(produced, "input does not fit the kernel's byte contract");
        return;
    }

    if (s_perturbed[0] != 0 && text_equal(name, s_perturbed) && produced > 0) {
        s_output[produced / 2]++;
    }

    uart_write_text("O ");
    uart_write_decimal(ticks);
    uart_write_text(" ");
    for (i = 0; i < produced; i++) {
        uart_write_byte((uint8_t)digits[s_output[i] >> 4]);
        uart_write_byte((uint8_t)digits[s_output[i] & 15]);
    }

    uart_write_text("\n");
}

int main(void)
{
    uart_init();
    timer_init();
    uart_write_text("WEARABLE-M7 READY dsp=");
    uart_write_decimal((uint32_t)wk_uses_dsp_extension());
    uart_write_text(" timer-hz=");
    uart_write_decimal(BOARD_TIMER_HZ);
    uart_write_text("\n");
    for (;;) {
        int length = read_line();
        if (length < 0) {
            write_error(1, "line too long");
        } else if (length >= 2 && s_line[0] == 'R' && s_line[1] == ' ') {
            run_command();
        } else if (length == 1 && s_line[0] == 'B') {
            bench_run_all();
            uart_write_text("B done\n");
        } else if (length >= 3 && length <= 2 + 32 && s_line[0] == 'P' && s_line[1] == ' ') {
            memcpy(s_perturbed, s_line + 2, (size_t)(length - 1));
            uart_write_text("P ok\n");
        } else if (length == 1 && s_line[0] == 'Q') {
            return 0;
        } else if (length > 0) {
            write_error(1, "unknown command (R <kernel> <hex>, B or Q)");
        }
    }
}
