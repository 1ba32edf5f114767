package dev.recur.bench;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.Variable;
import dev.recur.kernel.Parallel;
import dev.recur.loss.MeanSquaredError;
import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.nn.Context;
import dev.recur.nn.Masked;
import dev.recur.nn.Sequential;
import dev.recur.nn.rnn.RecurrentLayer;
import dev.recur.nn.rnn.Stepper;
import dev.recur.optim.Adam;
import dev.recur.optim.Optimizer;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code recur bench rnn}: the cases of the PyTorch peer script {@code torch_rnn_bench.py}, with
 * its timing rules ({@link TimeLoop}) and its JSON fields, run through Recur's public API
 * (Sequential of Embedding, recurrent layers and Dense; sparse softmax cross-entropy from
 * logits; Adam; {@link Stepper} for sampling), so that the figures are what users get.
 *
 * <ul>
 *   <li>{@code train_charlm}: one training step on a window {@code [32, 100]} of tokens, the
 *       recurrent state carried across windows, detached (truncated BPTT). Tokens/s.</li>
 *   <li>{@code infer_charlm}: forward only and softmax over a window, batch 1 and 32. Tokens/s.</li>
 *   <li>{@code step_latency}: one sampling step at batch 1 with carried state (embedding, cells,
 *       Dense, softmax, sampling the next token). Median microseconds.</li>
 *   <li>{@code train_ts} / {@code infer_ts}: LSTM(20) -> LSTM(20) -> Dense(10) on 50 steps of 1
 *       feature, batch 32, MSE, Adam. Samples/s.</li>
 * </ul>
 * The start-up case is {@link RnnStartup}: it must be the first thing a fresh process does.
 */
public final class RnnBench {

    /** The benchmark names, in the order they run. */
    public static final List<String> CASES = List.of("train_charlm", "infer_charlm", "step_latency", "train_ts",
            "infer_ts");

    static final int B = 32;
    static final int T = 100;

    /** One model of the character cases: the cell, its units and its number of layers. */
    public record Config(String cell, int units, int layers) {

        /** {@code "lstm:256:1"}. */
        public static Config parse(String text) {
            String[] p = text.trim().split(":");
            try {
                if (p.length == 3 && Set.of("lstm", "gru", "rnn").contains(p[0])) {
                    return new Config(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("bench rnn: a model must look like CELL:UNITS:LAYERS with CELL lstm, gru"
                    + " or rnn (e.g. lstm:256:1), got '" + text + "'");
        }

        @Override
        public String toString() {
            return cell + ":" + units + ":" + layers;
        }
    }

    /** The script's full list of character models. */
    public static final List<Config> FULL = List.of(
            new Config("lstm", 128, 1), new Config("lstm", 128, 2), new Config("lstm", 256, 1),
            new Config("lstm", 256, 2), new Config("lstm", 512, 1), new Config("lstm", 512, 2),
            new Config("gru", 256, 1), new Config("gru", 256, 2), new Config("rnn", 256, 1), new Config("rnn", 256, 2));

    /** The script's {@code --quick} list. */
    public static final List<Config> QUICK = List.of(
            new Config("lstm", 128, 1), new Config("gru", 256, 1), new Config("rnn", 256, 1));

    /**
     * What to run: the benchmark names (subset of {@link #CASES}), the character models, the
     * timing rules, and the sampling-latency warm-up and timed steps.
     */
    public record Plan(List<String> cases, List<Config> configs, boolean quick, int latencyWarmup, int latencySteps) {
        public Plan {
            for (String c : cases) {
                if (!CASES.contains(c)) {
                    throw new IllegalArgumentException("bench rnn: unknown case '" + c + "'; the cases are "
                            + String.join(", ", CASES) + " (startup runs alone, in a fresh process)");
                }
            }
            cases = List.copyOf(cases);
            configs = List.copyOf(configs);
        }

        /** Every case on the script's models; {@code quick} as the script's {@code --quick}. */
        public static Plan of(List<String> cases, List<Config> configs, boolean quick) {
            return new Plan(cases.isEmpty() ? CASES : cases, configs.isEmpty() ? (quick ? QUICK : FULL) : configs,
                    quick, quick ? 20 : 300, quick ? 200 : 3000);
        }

        TimeLoop loop() {
            return quick ? TimeLoop.QUICK : TimeLoop.DEFAULT;
        }
    }

    private RnnBench() {
    }

    /** Runs the plan with the current {@link Parallel#threads()}, handing over one JSON line per measurement. */
    public static void run(Plan plan, Consumer<String> out) {
        for (String bench : plan.cases()) {
            warmUpJit(bench, plan);
            run(bench, plan, out);
        }
    }

    private static void run(String bench, Plan plan, Consumer<String> out) {
        switch (bench) {
            case "train_charlm" -> plan.configs().forEach(c -> out.accept(measured(() -> trainCharLm(c, plan))));
            case "infer_charlm" -> plan.configs().forEach(c -> {
                out.accept(measured(() -> inferCharLm(c, 1, plan)));
                out.accept(measured(() -> inferCharLm(c, B, plan)));
            });
            case "step_latency" -> plan.configs().forEach(c -> out.accept(measured(() -> stepLatency(c, plan))));
            case "train_ts" -> out.accept(measured(() -> series(true, plan)));
            case "infer_ts" -> out.accept(measured(() -> series(false, plan)));
            default -> throw new AssertionError(bench);
        }
    }

    /**
     * Runs the case once, untimed, on its first model before measuring: PyTorch's kernels are
     * compiled ahead of time, the JVM's only after running a while (interpreted Vector API code is
     * ~100x slower), and the first case measured would otherwise pay for the whole process's JIT
     * compilation. Each case then has the script's own warm-up, as PyTorch's.
     */
    private static void warmUpJit(String bench, Plan plan) {
        Plan warm = new Plan(List.of(bench), plan.configs().subList(0, 1), true, 3000, 1);
        run(bench, warm, line -> { });
    }

    private static String measured(java.util.function.Supplier<JsonLine> bench) {
        CpuLoad.Snapshot before = CpuLoad.snapshot();
        JsonLine line = bench.get();
        return CpuLoad.putForeign(line, before, CpuLoad.snapshot()).toString();
    }

    static JsonLine base(String bench, Config c, int batch, int time) {
        return new JsonLine().put("peer", "recur").put("threads", Parallel.threads()).put("bench", bench)
                .put("cell", c.cell()).put("H", c.units()).put("layers", c.layers()).put("B", batch).put("T", time);
    }

    /** One training step of the character model on a window; the state carries over, detached. */
    static final class CharLmStep implements Runnable {
        private static final int WINDOWS = 8;
        private final Sequential model;
        private final Optimizer optimizer;
        private final Tensor[] xs = new Tensor[WINDOWS]; // [B, T] token ids each
        private final int[][] ys = new int[WINDOWS][];   // [B * T] next tokens each
        private final Context ctx = Context.training(new SplittableRandom(3));
        private int k;
        double loss = Double.NaN;

        CharLmStep(Config c, long dataSeed) {
            model = RnnModels.charModel(c.cell(), c.units(), c.layers(), 1234);
            optimizer = Adam.defaults().withLearningRate(2e-3).build(model.parameters());
            RnnModels.recurrentLayers(model).forEach(l -> l.carryStates(true));
            int[] stream = new int[B * (WINDOWS * T + 1)];
            RnnModels.tokens(new SplittableRandom(dataSeed), B, WINDOWS * T + 1, stream);
            for (int w = 0; w < WINDOWS; w++) {
                float[] x = new float[B * T];
                ys[w] = new int[B * T];
                for (int b = 0; b < B; b++) {
                    for (int t = 0; t < T; t++) {
                        x[b * T + t] = stream[b * (WINDOWS * T + 1) + w * T + t];
                        ys[w][b * T + t] = stream[b * (WINDOWS * T + 1) + w * T + t + 1];
                    }
                }
                xs[w] = Tensor.of(x, B, T);
            }
        }

        @Override
        public void run() {
            int w = k++ % WINDOWS;
            optimizer.zeroGrad();
            Variable logits = model.forward(Masked.of(Variable.constant(xs[w])), ctx).value(); // [B, T, 65]
            Variable l = SparseCategoricalCrossEntropy.fromLogits().apply(logits, ys[w], B, T);
            l.backward();
            optimizer.step();
            loss = l.value().item();
        }
    }

    private static JsonLine trainCharLm(Config c, Plan plan) {
        CharLmStep step = new CharLmStep(c, 7);
        TimeLoop.Summary s = TimeLoop.Summary.of(plan.loop().run(step));
        return s.putSeconds(base("train_charlm", c, B, T).put("V", RnnModels.VOCAB).put("E", RnnModels.EMBED)
                        .put("optimizer", "adam").put("unit", "tokens/s").put("value", B * T / s.median()))
                .put("final_loss", step.loss);
    }

    private static JsonLine inferCharLm(Config c, int batch, Plan plan) {
        Sequential model = RnnModels.charModel(c.cell(), c.units(), c.layers(), 1234);
        Tensor x = RnnModels.tokens(new SplittableRandom(8), batch, T, new int[batch * T]);
        TimeLoop.Summary s = TimeLoop.Summary.of(plan.loop().run(() -> {
            try (var noGrad = GradMode.noGrad()) {
                model.forward(Masked.of(Variable.constant(x)), Context.inference()).value().value().softmax();
            }
        }));
        return s.putSeconds(base("infer_charlm", c, batch, T).put("V", RnnModels.VOCAB).put("E", RnnModels.EMBED)
                .put("unit", "tokens/s").put("value", batch * T / s.median()));
    }

    private static JsonLine stepLatency(Config c, Plan plan) {
        Sequential model = RnnModels.charModel(c.cell(), c.units(), c.layers(), 1234);
        Sampler sampler = new Sampler(model, new SplittableRandom(9));
        for (int i = 0; i < plan.latencyWarmup(); i++) {
            sampler.next();
        }
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < plan.latencySteps(); i++) {
            long t0 = System.nanoTime();
            sampler.next();
            micros.add((System.nanoTime() - t0) / 1e3);
        }
        TimeLoop.Summary s = TimeLoop.Summary.of(micros);
        return base("step_latency", c, 1, 1).put("V", RnnModels.VOCAB).put("E", RnnModels.EMBED)
                .put("unit", "us/step").put("value", s.median()).put("median_us", s.median()).put("min_us", s.min())
                .put("p90_us", micros.stream().sorted().toList().get((int) (0.9 * (s.n() - 1))))
                .put("mean_us", s.mean()).put("n", s.n()).put("steps_per_s", 1e6 / s.median());
    }

    /** Samples one token at a time with carried state: the batch-1 generation loop a user writes. */
    static final class Sampler {
        private final Stepper stepper;
        private final SplittableRandom rng;
        private final float[] token = new float[1];

        Sampler(Sequential model, SplittableRandom rng) {
            this.stepper = new Stepper(model.layers());
            this.rng = rng;
        }

        int next() {
            try (var noGrad = GradMode.noGrad()) {
                Tensor p = stepper.step(Tensor.of(token.clone(), 1, 1)).softmax(); // [1, 1, 65]
                int next = sample(p.floats(), rng.nextDouble());
                token[0] = next;
                return next;
            }
        }

        /** The class whose cumulative probability first exceeds u. */
        static int sample(float[] p, double u) {
            double acc = 0;
            for (int i = 0; i < p.length; i++) {
                acc += p[i];
                if (u < acc) {
                    return i;
                }
            }
            return p.length - 1;
        }
    }

    private static JsonLine series(boolean train, Plan plan) {
        int time = 50;
        Sequential model = RnnModels.seriesModel(time, 4321);
        SplittableRandom rng = new SplittableRandom(10);
        Tensor x = Tensor.normal(rng, DType.FLOAT32, 0, 1, B, time, 1);
        Tensor y = Tensor.normal(rng, DType.FLOAT32, 0, 1, B, 10);
        Runnable step;
        if (train) {
            Optimizer opt = Adam.defaults().withLearningRate(1e-3).build(model.parameters());
            Context ctx = Context.training(new SplittableRandom(3));
            step = () -> {
                opt.zeroGrad();
                new MeanSquaredError().apply(model.forward(Masked.of(Variable.constant(x)), ctx).value(), y).backward();
                opt.step();
            };
        } else {
            step = () -> model.predict(x);
        }
        TimeLoop.Summary s = TimeLoop.Summary.of(plan.loop().run(step));
        return s.putSeconds(base(train ? "train_ts" : "infer_ts", new Config("lstm", 20, 2), B, time)
                .put("features", 1).put("outputs", 10).put("unit", "samples/s").put("value", B / s.median()));
    }

    /** The header of the readable table. */
    public static String tableHeader() {
        return String.format(Locale.ROOT, "%-13s %-5s %5s %6s %5s %7s %14s  %s%n", "bench", "cell", "H", "layers", "B",
                "threads", "value", "unit");
    }

    /** One readable row for one JSON line of this runner. */
    public static String tableRow(String json) {
        var o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
        return String.format(Locale.ROOT, "%-13s %-5s %5d %6d %5d %7d %14.1f  %s%n", o.get("bench").getAsString(),
                o.get("cell").getAsString(), o.get("H").getAsInt(), o.get("layers").getAsInt(), o.get("B").getAsInt(),
                o.get("threads").getAsInt(), o.get("value").getAsDouble(), o.get("unit").getAsString());
    }
}
