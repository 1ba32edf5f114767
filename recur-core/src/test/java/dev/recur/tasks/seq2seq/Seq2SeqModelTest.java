package dev.recur.tasks.seq2seq;

import dev.recur.autodiff.GradientCheck;
import dev.recur.loss.SparseCategoricalCrossEntropy;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.rnn.State;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class Seq2SeqModelTest {

    /** Two pairs of different lengths: the batch pads a source and a target. */
    private static final List<Pair> PAIRS = List.of(new Pair(new int[]{3, 4, 5}, new int[]{3, 4}),
            new Pair(new int[]{5, 3}, new int[]{4, 5, 3}));

    private static Seq2SeqModel model(Seq2SeqConfig config) {
        return new Seq2SeqModel(config, 6, 6, new BuildContext(DType.FLOAT64, new SplittableRandom(3)));
    }

    @ParameterizedTest
    @EnumSource(Seq2SeqConfig.AttentionType.class)
    void endToEndGradientsWithPadding(Seq2SeqConfig.AttentionType attention) {
        for (Seq2SeqConfig config : List.of(Seq2SeqConfig.lstm(attention, 3, 4),
                Seq2SeqConfig.lstm(attention, 2, 3).withCell(Seq2SeqConfig.CellType.GRU).withLayers(2),
                Seq2SeqConfig.lstm(attention, 3, 4).withBidirectional(true),
                Seq2SeqConfig.lstm(attention, 2, 4).withCell(Seq2SeqConfig.CellType.GRU).withLayers(2).withBidirectional(true))) {
            Seq2SeqModel m = model(config);
            Batch b = Batch.of(PAIRS, DType.FLOAT64);
            SparseCategoricalCrossEntropy loss = SparseCategoricalCrossEntropy.fromLogits().withIgnoreIndex(0);
            GradientCheck.Result r = GradientCheck.assertPasses("seq2seq " + config, () -> loss.apply(
                    m.logits(b.source(), b.targetIn(), Context.inference()), b.targetOut(), b.targetShape()), m.parameters());
            assertEquals(m.countParams(), r.checked());
        }
    }

    @ParameterizedTest
    @EnumSource(Seq2SeqConfig.AttentionType.class)
    void stepwiseDecodingEqualsTeacherForcing(Seq2SeqConfig.AttentionType attention) {
        stepwiseEqualsTeacherForcing(Seq2SeqConfig.lstm(attention, 3, 4).withLayers(2));
        stepwiseEqualsTeacherForcing(Seq2SeqConfig.lstm(attention, 3, 4).withLayers(2).withBidirectional(true));
    }

    private static void stepwiseEqualsTeacherForcing(Seq2SeqConfig config) {
        Seq2SeqConfig.AttentionType attention = config.attention();
        Seq2SeqModel m = model(config);
        Batch b = Batch.of(PAIRS, DType.FLOAT64);
        Tensor full = m.logits(b.source(), b.targetIn(), Context.inference()).value(); // [2, 4, 6]
        Seq2SeqModel.Encoded enc = m.encode(b.source(), Context.inference());
        List<State> states = null;
        int steps = b.targetShape()[1];
        for (int t = 0; t < steps; t++) {
            int[] tokens = {(int) b.targetIn().get(0, t), (int) b.targetIn().get(1, t)};
            Seq2SeqModel.Step s = m.step(enc, tokens, states);
            states = s.states();
            for (int row = 0; row < 2; row++) {
                if (t < PAIRS.get(row).target().length + 1) { // real steps (padding steps differ: masked)
                    assertArrayEquals(full.select(0, row).select(0, t).contiguous().toDoubleArray(),
                            s.logits().value().select(0, row).contiguous().toDoubleArray(), 1e-12, attention + " step " + t);
                }
            }
            if (attention != Seq2SeqConfig.AttentionType.NONE) {
                assertEquals(0.0, s.weights().get(1, 2), "the padded source position of row 1");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Seq2SeqConfig.AttentionType.class)
    void parameterCountsAddUp(Seq2SeqConfig.AttentionType attention) {
        // embeddings 2 * 6 * 3; LSTM 4 * (3 * 4 + 4 * 4 + 4) twice; output 4 * 6 + 6
        long base = 36 + 2 * 128 + 30;
        long extra = switch (attention) {
            case NONE -> 0;
            case BAHDANAU -> 4 * 4 + 4 * 4 + 4 + 8 * 4; // W1, W2, v, then W_c [2u, u]
            case LUONG -> 4 * 4 + 8 * 4;                 // W_a [u, u], W_c [2u, u]
        };
        assertEquals(base + extra, model(Seq2SeqConfig.lstm(attention, 3, 4)).countParams());
        // bidirectional: the encoder's LSTM(4) becomes two LSTM(2): 2 * 4 * (3 * 2 + 2 * 2 + 2) instead of 128
        assertEquals(base - 128 + 96 + extra, model(Seq2SeqConfig.lstm(attention, 3, 4).withBidirectional(true)).countParams());
    }

    @org.junit.jupiter.api.Test
    void bidirectionalFinalStatesAreBothDirectionsSideBySide() {
        Seq2SeqModel m = model(Seq2SeqConfig.lstm(Seq2SeqConfig.AttentionType.NONE, 3, 4).withBidirectional(true));
        Batch b = Batch.of(PAIRS, DType.FLOAT64);
        Seq2SeqModel.Encoded enc = m.encode(b.source(), Context.inference());
        Tensor out = enc.outputs().value();                  // [2, 3, 4]: forward half, then backward half
        Tensor h = enc.states().getFirst().h().value();      // [2, 4]
        // row 1 has 2 real steps: the forward direction ends at step 1, the backward one at step 0
        assertArrayEquals(out.select(0, 1).select(0, 1).slice(0, 0, 2).contiguous().toDoubleArray(),
                h.select(0, 1).slice(0, 0, 2).contiguous().toDoubleArray(), 0.0);
        assertArrayEquals(out.select(0, 1).select(0, 0).slice(0, 2, 4).contiguous().toDoubleArray(),
                h.select(0, 1).slice(0, 2, 4).contiguous().toDoubleArray(), 0.0);
        assertEquals("Seq2SeqConfig: a bidirectional encoder gives each direction half of the units, so units must be even,"
                + " got 5", org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Seq2SeqConfig.lstm(Seq2SeqConfig.AttentionType.NONE, 3, 5).withBidirectional(true)).getMessage());
    }
}
