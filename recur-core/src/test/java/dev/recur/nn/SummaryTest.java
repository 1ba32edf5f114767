package dev.recur.nn;

import dev.recur.nn.spec.LayerRegistry;
import org.junit.jupiter.api.Test;

import static dev.recur.nn.LayerCheck.f64;
import static dev.recur.nn.LayerCheck.stateError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden summaries in the layout of Keras 2's {@code print_summary} (up to 2.8): 65 columns, fields cut
 * to end one space before the next column, lines padded to the full width (hence the {@code \s} at line ends).
 */
class SummaryTest {

    private static Sequential model(String spec) {
        return LayerRegistry.parseModel(spec).build(f64());
    }

    @Test
    void flattenDense() {
        assertEquals("""
                Model: "sequential"
                _________________________________________________________________
                Layer (type)                 Output Shape              Param #  \s
                =================================================================
                flatten (Flatten)            (None, 5)                 0        \s
                _________________________________________________________________
                dense (Dense)                (None, 1)                 6        \s
                =================================================================
                Total params: 6
                Trainable params: 6
                Non-trainable params: 0
                _________________________________________________________________
                """, model("Input(5, 1) Flatten Dense(1)").summary());
    }

    @Test
    void longNamesAreCutAndLargeTotalsGrouped() {
        assertEquals("""
                Model: "sequential"
                _________________________________________________________________
                Layer (type)                 Output Shape              Param #  \s
                =================================================================
                embedding (Embedding)        (None, 100, 32)           320000   \s
                _________________________________________________________________
                global_average_pooling1d (Gl (None, 32)                0        \s
                _________________________________________________________________
                dense (Dense)                (None, 1)                 33       \s
                =================================================================
                Total params: 320,033
                Trainable params: 320,033
                Non-trainable params: 0
                _________________________________________________________________
                """, model("Input(100) Embedding(10000, 32) GlobalAveragePooling1D Dense(1, activation=sigmoid)").summary());
    }

    @Test
    void frozenWeightsAreNonTrainable() {
        String summary = model("Input(100) Embedding(10000, 32, trainable=false) GlobalAveragePooling1D Dense(1)").summary();
        assertEquals("""
                Total params: 320,033
                Trainable params: 33
                Non-trainable params: 320,000
                _________________________________________________________________
                """, summary.substring(summary.indexOf("Total params")));
    }

    @Test
    void unknownLengthsPrintAsNone() {
        assertEquals("""
                Model: "sequential"
                _________________________________________________________________
                Layer (type)                 Output Shape              Param #  \s
                =================================================================
                conv1d (Conv1D)              (None, None, 16)          400      \s
                _________________________________________________________________
                time_distributed (TimeDistri (None, None, 4)           68       \s
                =================================================================
                Total params: 468
                Trainable params: 468
                Non-trainable params: 0
                _________________________________________________________________
                """, model("Input(None, 8) Conv1D(16, 3) TimeDistributed(Dense(4))").summary());
    }

    @Test
    void everyLineIsSixtyFiveWideExceptTheTextLines() {
        for (String line : model("Input(10, 8) Conv1D(16, 3) GlobalMaxPooling1D Dense(1)").summary().split("\n")) {
            if (!line.startsWith("Model:") && !line.contains("params:")) {
                assertEquals(65, line.length(), "'" + line + "'");
            }
        }
    }

    @Test
    void anUnbuiltModelHasNoSummary() {
        Sequential m = new Sequential("encoder", new Dense(2));
        assertEquals("summary: model encoder is not built yet, so its output shapes and weights are unknown; call"
                + " build(ctx, shape) first (or start its specification with Input(...))", stateError(m::summary));
    }
}
