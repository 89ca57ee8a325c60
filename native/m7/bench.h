#ifndef BENCH_H
#define BENCH_H

/* Times the hot kernels on fixed shapes and prints one "M" line each (docs/native.md, docs/performance.md). */
void bench_run_all(void);

#endif
