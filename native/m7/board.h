/* The few mps2-an500 peripherals the HIL image uses: UART0 (CMSDK APB UART) and the CMSDK dual timer. */
#ifndef BOARD_H
#define BOARD_H

#include <stdint.h>

/* Timer ticks per second (SYSCLK); under QEMU -icount shift=0 one tick is 40 guest instructions. */
#define BOARD_TIMER_HZ 25000000u

void uart_init(void);
int uart_read_byte(void);
void uart_write_byte(uint8_t value);
void uart_write_text(const char *text);
void uart_write_hex32(uint32_t value);
void uart_write_decimal(uint32_t value);

void timer_init(void);
uint32_t timer_now(void); /* counts up */

void board_exit(int code) __attribute__((noreturn));

#endif
