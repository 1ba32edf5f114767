/**
 * Benchmarks: runners behind {@code recur bench ...} (e.g. {@link dev.recur.bench.GemmBench}) that
 * print one JSON object per line, and JMH micro-benchmarks ({@code dev.recur.bench.jmh}).
 */
package dev.recur.bench;
