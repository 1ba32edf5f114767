/**
 * Benchmarks: runners behind {@code recur bench ...} (e.g. {@link dev.recur.bench.GemmBench}) that
 * print one JSON object per line, and JMH micro-benchmarks of the kernels and layers. Timings live
 * here, never in unit tests.
 */
package dev.recur.bench;
