package dev.recur.nn;

import dev.recur.nn.spec.LayerRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.recur.nn.LayerCheck.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parameter counts of whole models, as Keras's {@code model.count_params()} gives them. */
class ParameterCountTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Input(100) Embedding(10000, 32)|320000",                             // 10000 * 32
            "Input(5, 1) Flatten Dense(1)|6",                                      // 5 + 1
            "Input(10, 8) Conv1D(16, 3)|400",                                      // 3*8*16 + 16
            "Input(10, 8) Conv1D(16, 3, use_bias=false)|384",
            "Input(None, 8) Conv1D(32, 7, padding=causal, dilation_rate=4)|1824", // 7*8*32 + 32
            "Input(500) Embedding(10000, 32) Conv1D(32, 7, activation=relu) MaxPooling1D(5) Conv1D(32, 7, activation=relu)"
                    + " GlobalMaxPooling1D Dense(1)|334433",                       // 320000 + 7200 + 7200 + 33
            "Input(20) Embedding(1000, 64, mask_zero=true) GlobalAveragePooling1D Dense(16, activation=relu) Dense(1)|65057",
            "Input(7, 3) TimeDistributed(Dense(4))|16",
            "Input(7, 3) LayerNormalization|6",
            "Input(7, 3) Masking Dropout(0.5) Activation(tanh) GlobalAveragePooling1D|0",
            "Input(28, 28) Flatten Dense(512, activation=relu) Dropout(0.2) Dense(10, activation=softmax)|407050",
    })
    void kerasCounts(String spec, long params) {
        assertEquals(params, LayerRegistry.parseModel(spec).build(f64()).countParams());
    }
}
