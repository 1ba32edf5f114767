/**
 * Benchmarks: JMH micro-benchmarks of the kernels and end-to-end runners behind {@code recur bench},
 * including the comparison with OpenBLAS and other frameworks. Timings live here, never in unit tests.
 */
package dev.recur.bench;
