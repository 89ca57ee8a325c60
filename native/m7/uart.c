/*
 * CMSDK APB UART0 of mps2-an500 (0x40004000, RX interrupt 0). Receiving waits with WFI on the RX
 * interrupt (masked by PRIMASK, so it only wakes the core) instead of spinning: an idle emulated M7
 * then costs the host no CPU.
 */
#include "board.h"

#define UART0_BASE 0x40004000u
#define UART_DATA (*(volatile uint32_t *)(UART0_BASE + 0x00u))
#define UART_STATE (*(volatile uint32_t *)(UART0_BASE + 0x04u))
#define UART_CTRL (*(volatile uint32_t *)(UART0_BASE + 0x08u))
#define UART_INTSTATUS (*(volatile uint32_t *)(UART0_BASE + 0x0Cu))
#define UART_BAUDDIV (*(volatile uint32_t *)(UART0_BASE + 0x10u))
#define NVIC_ISER0 (*(volatile uint32_t *)0xE000E100u)
#define NVIC_ICPR0 (*(volatile uint32_t *)0xE000E280u)

#define STATE_TX_FULL 1u
#define STATE_RX_FULL 2u
#define CTRL_TX_EN 1u
#define CTRL_RX_EN 2u
#define CTRL_RX_INT_EN 8u
#define INT_RX 2u
#define UART0_RX_IRQ 0u

void uart_init(void)
{
    __asm__ volatile("cpsid i");
    UART_BAUDDIV = 16u;
    UART_CTRL = CTRL_TX_EN | CTRL_RX_EN | CTRL_RX_INT_EN;
    NVIC_ISER0 = 1u << UART0_RX_IRQ;
}

int uart_read_byte(void)
{
    int value;
    while ((UART_STATE & STATE_RX_FULL) == 0u) {
        __asm__ volatile("wfi");
    }

    value = (int)(UART_DATA & 0xFFu);
    UART_INTSTATUS = INT_RX;
    NVIC_ICPR0 = 1u << UART0_RX_IRQ;
    return value;
}

void uart_write_byte(uint8_t value)
{
    while ((UART_STATE & STATE_TX_FULL) != 0u) {
    }

    UART_DATA = value;
}

void uart_write_text(const char *text)
{
    while (*text != 0) {
        uart_write_byte((uint8_t)*text++);
    }
}

void uart_write_hex32(uint32_t value)
{
    static const char digits[] = "0123456789abcdef";
    int shift;
    for (shift = 28; shift >= 0; shift -= 4) {
        uart_write_byte((uint8_t)digits[(value >> shift) & 0xFu]);
    }
}

void uart_write_decimal(uint32_t value)
{
    char text[11];
    int n = 0;
    do {
        text[n++] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0u);

    while (n > 0) {
        uart_write_byte((uint8_t)text[--n]);
    }
}
