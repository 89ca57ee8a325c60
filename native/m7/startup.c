/*
 * Bare-metal start of the QEMU mps2-an500 image: the vector table, copying .data and clearing .bss, and
 * fault handlers that report over the UART and stop QEMU through semihosting, so a crash is an
 * answer the host can see (a failure) rather than a silent hang.
 */
#include <stdint.h>
#include <string.h>
#include "board.h"

extern uint32_t data_start, data_end, data_load, bss_start, bss_end, stack_top;
int main(void);

void reset_handler(void);
void fault_handler(void);
static void unused_handler(void);

typedef void (*handler)(void);

/* Initial stack pointer, then the exception handlers; the UART interrupt only wakes WFI (PRIMASK set). */
__attribute__((section(".vectors"), used))
static const handler k_vectors[16] = {
    (handler)(uintptr_t)&stack_top,
    reset_handler,
    unused_handler, /* NMI */
    fault_handler,  /* HardFault */
    fault_handler,  /* MemManage */
    fault_handler,  /* BusFault */
    fault_handler,  /* UsageFault */
};

void reset_handler(void)
{
    memcpy(&data_start, &data_load, (size_t)((uint8_t *)&data_end - (uint8_t *)&data_start));
    memset(&bss_start, 0, (size_t)((uint8_t *)&bss_end - (uint8_t *)&bss_start));
    board_exit(main());
}

void fault_handler(void)
{
    uint32_t cfsr = *(volatile uint32_t *)0xE000ED28u;
    uart_write_text("F fault cfsr=");
    uart_write_hex32(cfsr);
    uart_write_text("\n");
    board_exit(3);
}

static void unused_handler(void)
{
    uart_write_text("F unexpected exception\n");
    board_exit(3);
}

void board_exit(int code)
{
    /* Angel SYS_EXIT: ApplicationExit ends QEMU with status 0, anything else with status 1. */
    uint32_t reason = code == 0 ? 0x20026u : 0x20023u;
    register uint32_t r0 __asm__("r0") = 0x18u;
    register uint32_t r1 __asm__("r1") = reason;
    __asm__ volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
    for (;;) {
        __asm__ volatile("wfi");
    }
}
