/** JMH micro-benchmarks (run through each class's {@code main}; see {@link dev.recur.bench.jmh.GemmJmh}). */
package dev.recur.bench.jmh;
