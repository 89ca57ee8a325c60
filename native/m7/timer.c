/* CMSDK dual timer 1 of mps2-an500 (0x40002000) as a free-running 32-bit counter at SYSCLK. */
#include "board.h"

#define TIMER1_BASE 0x40002000u
#define TIMER1_LOAD (*(volatile uint32_t *)(TIMER1_BASE + 0x00u))
#define TIMER1_VALUE (*(volatile uint32_t *)(TIMER1_BASE + 0x04u))
#define TIMER1_CONTROL (*(volatile uint32_t *)(TIMER1_BASE + 0x08u))

#define CONTROL_ENABLE 0x80u
#define CONTROL_32_BIT 0x02u

void timer_init(void)
{
    TIMER1_LOAD = 0xFFFFFFFFu;
    TIMER1_CONTROL = CONTROL_ENABLE | CONTROL_32_BIT;
}

uint32_t timer_now(void)
{
    /* The hardware counts down; the complement counts up and wraps the same way. */
    return ~TIMER1_VALUE;
}
