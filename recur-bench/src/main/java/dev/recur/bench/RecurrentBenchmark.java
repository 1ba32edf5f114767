package dev.recur.bench;

import dev.recur.autodiff.Variable;
import dev.recur.kernel.Parallel;
import dev.recur.nn.rnn.Cell;
import dev.recur.nn.rnn.Direction;
import dev.recur.nn.rnn.GruCell;
import dev.recur.nn.rnn.GruConfig;
import dev.recur.nn.rnn.GruWeights;
import dev.recur.nn.rnn.LstmCell;
import dev.recur.nn.rnn.LstmConfig;
import dev.recur.nn.rnn.LstmWeights;
import dev.recur.nn.rnn.RecurrentOutput;
import dev.recur.nn.rnn.WeightInit;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;

/**
 * Training throughput of the fused recurrent kernels: one forward and one backward pass
 * (BPTT through the whole sequence, every weight gradient) over a batch of 32 sequences of
 * 100 steps with 64 input features. The score is tokens (batch rows x time steps) per second.
 *
 * <pre>
 * mvn -B -q -o package -DskipTests
 * java --add-modules jdk.incubator.vector -cp 'recur-cli/target/lib/*' org.openjdk.jmh.Main RecurrentBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OperationsPerInvocation(RecurrentBenchmark.BATCH * RecurrentBenchmark.TIME)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RecurrentBenchmark {

    static final int BATCH = 32;
    static final int TIME = 100;
    static final int INPUT = 64;

    @Param({"LSTM", "GRU"})
    public String cell;

    @Param({"128", "256", "512"})
    public int hidden;

    /** Kernel threads ({@code --threads} of the CLI). */
    @Param({"1", "2"})
    public int threads;

    private Cell rnn;
    private Variable x;         // [32, 100, 64]
    private Tensor dSequence;   // [32, 100, hidden], the gradient flowing into the outputs

    @Setup
    public void setUp() {
        Parallel.setThreads(threads);
        SplittableRandom rng = new SplittableRandom(1);
        WeightInit init = WeightInit.uniform(rng, DType.FLOAT32, 0.1);
        rnn = switch (cell) {
            case "LSTM" -> new LstmCell(LstmConfig.of(INPUT, hidden),
                    LstmWeights.create(LstmConfig.of(INPUT, hidden), "lstm", init));
            case "GRU" -> new GruCell(GruConfig.of(INPUT, hidden), GruWeights.create(GruConfig.of(INPUT, hidden), "gru", init));
            default -> throw new IllegalArgumentException("cell must be LSTM or GRU, got " + cell);
        };
        x = Variable.constant(Tensor.uniform(rng, DType.FLOAT32, -1, 1, BATCH, TIME, INPUT));
        dSequence = Tensor.normal(rng, DType.FLOAT32, 0, 1, BATCH, TIME, hidden);
    }

    /** Forward and backward through the fused kernel; the gradients accumulate into the weights. */
    @Benchmark
    public Tensor forwardBackward() {
        RecurrentOutput out = rnn.run(x, null, Direction.FORWARD, null);
        out.sequence().backward(dSequence);
        return out.last().h().value();
    }
}
