package dev.recur.bench;

import dev.recur.nn.BuildContext;
import dev.recur.nn.Dense;
import dev.recur.nn.Embedding;
import dev.recur.nn.Layer;
import dev.recur.nn.Sequential;
import dev.recur.nn.rnn.Gru;
import dev.recur.nn.rnn.Lstm;
import dev.recur.nn.rnn.RecurrentLayer;
import dev.recur.nn.rnn.RecurrentOptions;
import dev.recur.nn.rnn.SimpleRnn;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The models of the recurrent benchmark, built with the public layers exactly as a user would:
 * the character model {@code Embedding(65, 64) -> cell(H) x layers -> Dense(65)} and the
 * time-series model {@code LSTM(20) -> LSTM(20) -> Dense(10)}.
 */
final class RnnModels {

    static final int VOCAB = 65;
    static final int EMBED = 64;

    private RnnModels() {
    }

    /** The script's cell names: {@code lstm}, {@code gru}, {@code rnn} (tanh). */
    static RecurrentLayer cell(String cell, int units, RecurrentOptions options) {
        return switch (cell) {
            case "lstm" -> new Lstm(units, options);
            case "gru" -> new Gru(units, options);
            case "rnn" -> new SimpleRnn(units, options);
            default -> throw new IllegalArgumentException("bench rnn: cell must be lstm, gru or rnn, got '" + cell + "'");
        };
    }

    /** The character model, built for token windows of any length, float32, weights from {@code seed}. */
    static Sequential charModel(String cell, int units, int layers, long seed) {
        List<Layer> stack = new ArrayList<>();
        stack.add(new Embedding(VOCAB, EMBED));
        for (int l = 0; l < layers; l++) {
            stack.add(cell(cell, units, RecurrentOptions.DEFAULTS.withReturnSequences(true)));
        }
        stack.add(new Dense(VOCAB));
        Sequential model = new Sequential(stack.toArray(Layer[]::new));
        model.build(new BuildContext(DType.FLOAT32, new SplittableRandom(seed)), -1);
        return model;
    }

    /** The time-series model for windows of {@code time} steps of 1 feature. */
    static Sequential seriesModel(int time, long seed) {
        Sequential model = new Sequential(new Lstm(20, RecurrentOptions.DEFAULTS.withReturnSequences(true)),
                new Lstm(20), new Dense(10));
        model.build(new BuildContext(DType.FLOAT32, new SplittableRandom(seed)), time, 1);
        return model;
    }

    /** The model's recurrent layers. */
    static List<RecurrentLayer> recurrentLayers(Sequential model) {
        return model.layers().stream().filter(l -> l instanceof RecurrentLayer).map(l -> (RecurrentLayer) l).toList();
    }

    /** Token ids in [0, 65) as a float32 tensor {@code [rows, cols]}, and the same as ints in {@code ids}. */
    static Tensor tokens(SplittableRandom rng, int rows, int cols, int[] ids) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            ids[i] = rng.nextInt(VOCAB);
            v[i] = ids[i];
        }
        return Tensor.of(v, rows, cols);
    }
}
