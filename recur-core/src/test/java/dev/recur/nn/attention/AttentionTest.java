package dev.recur.nn.attention;

import dev.recur.autodiff.GradientCheck;
import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Initializers;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttentionTest {

    private static BuildContext f64() {
        return new BuildContext(DType.FLOAT64, new SplittableRandom(7));
    }

    private static Tensor randn(long seed, int... shape) {
        return Tensor.normal(new SplittableRandom(seed), DType.FLOAT64, 0, 1, shape);
    }

    private static Variable c(double[] data, int... shape) {
        return Variable.constant(Tensor.of(data, shape));
    }

    /** Keys [1, 1] and [0, 0]; the query [1, 0]. */
    private static final double[] KEYS = {1, 1, 0, 0};
    private static final double[] QUERY = {1, 0};

    @Test
    void bahdanauGoldenValuesFromConstantWeights() {
        // W1 q = [0.5, 0.5], W2 k1 = [1, 1], W2 k2 = [0, 0]; v = 1: s1 = 2 tanh(1.5), s2 = 2 tanh(0.5)
        BahdanauAttention a = new BahdanauAttention(2, Initializers.constant(0.5));
        a.build(f64(), new int[]{1, 2}, new int[]{2, 2});
        a.weights().get(2).value().fill(1.0); // v
        AttentionResult r = a.attend(c(QUERY, 1, 1, 2), c(KEYS, 1, 2, 2), null);
        double w1 = 1 / (1 + Math.exp(2 * Math.tanh(0.5) - 2 * Math.tanh(1.5)));
        assertEquals(0.7081, w1, 1e-4);
        assertArrayEquals(new double[]{w1, 1 - w1}, r.weights().value().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[]{w1, w1}, r.context().value().toDoubleArray(), 1e-15);
    }

    @Test
    void luongDotGoldenValuesAndTheAttentionalVector() {
        // scores [1, 0]: weights e/(1+e) = 0.7311 and 0.2689; a = tanh(0.5 (0.7311 + 0.2689 + 1 + 0)) = tanh(1)
        LuongAttention a = new LuongAttention(LuongAttention.Score.DOT, 1, Initializers.constant(0.5));
        a.build(f64(), new int[]{1, 2}, new int[]{2, 2});
        Variable q = c(QUERY, 1, 1, 2);
        AttentionResult r = a.attend(q, c(new double[]{1, 0, 0, 1}, 1, 2, 2), null);
        assertEquals(0.7311, r.weights().value().getFlat(0), 1e-4);
        assertArrayEquals(new double[]{Math.E / (1 + Math.E), 1 / (1 + Math.E)}, r.context().value().toDoubleArray(), 1e-15);
        assertEquals(Math.tanh(1), a.attentional(r, q).value().item(), 1e-15);
        assertEquals((2 + 2) * 1, a.countParams()); // W_c [dv + dq, units]
    }

    @Test
    void luongGeneralAndConcatGoldenValues() {
        // general, W_a all 0.5: W_a^T q = [0.5, 0.5], scores 1 and 0 against keys [1, 1], [0, 0]
        LuongAttention g = new LuongAttention(LuongAttention.Score.GENERAL, 2, Initializers.constant(0.5));
        g.build(f64(), new int[]{1, 2}, new int[]{2, 2});
        assertEquals(Math.E / (1 + Math.E), g.attend(c(QUERY, 1, 1, 2), c(KEYS, 1, 2, 2), null).weights().value().getFlat(0), 1e-15);
        // concat equals Bahdanau with W1 = W_a's query rows, W2 = its key rows
        LuongAttention cc = new LuongAttention(LuongAttention.Score.CONCAT, 2, Initializers.constant(0.5));
        cc.build(f64(), new int[]{1, 2}, new int[]{2, 2});
        cc.weights().get(1).value().fill(1.0);
        double w1 = 1 / (1 + Math.exp(2 * Math.tanh(0.5) - 2 * Math.tanh(1.5)));
        assertEquals(w1, cc.attend(c(QUERY, 1, 1, 2), c(KEYS, 1, 2, 2), null).weights().value().getFlat(0), 1e-15);
    }

    @Test
    void scaledDotProductGoldenValuesAndCausalMask() {
        ScaledDotProductAttention a = new ScaledDotProductAttention();
        a.build(f64(), new int[]{1, 2}, new int[]{2, 2});
        AttentionResult r = a.attend(c(QUERY, 1, 1, 2), c(new double[]{1, 0, 0, 1}, 1, 2, 2), null);
        double w1 = 1 / (1 + Math.exp(-1 / Math.sqrt(2)));
        assertEquals(0.6698, w1, 1e-4);
        assertEquals(w1, r.weights().value().getFlat(0), 1e-15);
        assertEquals(0, a.countParams());

        ScaledDotProductAttention causal = new ScaledDotProductAttention(ScaledDotProductAttention.Causal.CAUSAL);
        causal.build(f64(), new int[]{3, 2}, new int[]{3, 2});
        Variable x = Variable.constant(randn(1, 2, 3, 2));
        Tensor w = causal.attend(x, x, null).weights().value(); // [2, 3, 3]
        for (int b = 0; b < 2; b++) {
            assertEquals(1.0, w.get(b, 0, 0), 1e-15);
            assertEquals(0.0, w.get(b, 0, 1));
            assertEquals(0.0, w.get(b, 1, 2));
            assertEquals(1.0, w.get(b, 2, 0) + w.get(b, 2, 1) + w.get(b, 2, 2), 1e-15);
        }
    }

    @Test
    void multiHeadGoldenValueWithOneKey() {
        // one key: weight 1; value head = 0.5 + 0.5 = 1; output = 1 * 0.5 per feature
        MultiHeadAttention a = new MultiHeadAttention(1, 1, Initializers.constant(0.5));
        a.build(f64(), new int[]{1, 2}, new int[]{1, 2});
        AttentionResult r = a.attend(c(QUERY, 1, 1, 2), c(new double[]{1, 1}, 1, 1, 2), null);
        assertArrayEquals(new double[]{0.5, 0.5}, r.context().value().toDoubleArray(), 1e-15);
        assertArrayEquals(new int[]{1, 1, 1, 1}, r.weights().value().shape());
    }

    @Test
    void parameterCountsFollowKerasAndTensorFlowAddons() {
        // Keras MultiHeadAttention(num_heads=2, key_dim=4) on query and value [., 8]: 4 x (8*2*4 + 2*4) ... output 2*4*8 + 8
        MultiHeadAttention mha = new MultiHeadAttention(2, 4);
        assertArrayEquals(new int[]{5, 8}, mha.build(f64(), new int[]{5, 8}, new int[]{6, 8}));
        assertEquals(288, mha.countParams());
        assertEquals(List.of("multi_head_attention/query/kernel", "multi_head_attention/query/bias",
                "multi_head_attention/key/kernel", "multi_head_attention/key/bias", "multi_head_attention/value/kernel",
                "multi_head_attention/value/bias", "multi_head_attention/attention_output/kernel",
                "multi_head_attention/attention_output/bias"), mha.weights().stream().map(p -> p.name()).toList());
        // tfa BahdanauAttention(units=10) with a 16-unit query and 20-feature memory: 16*10 + 20*10 + 10
        BahdanauAttention b = new BahdanauAttention(10);
        b.build(f64(), new int[]{-1, 16}, new int[]{-1, 20});
        assertEquals(370, b.countParams());
        LuongAttention general = new LuongAttention(LuongAttention.Score.GENERAL, 16);
        general.build(f64(), new int[]{-1, 16}, new int[]{-1, 20});
        assertEquals(16 * 20 + 36 * 16, general.countParams());
        LuongAttention concat = new LuongAttention(LuongAttention.Score.CONCAT, 16);
        concat.build(f64(), new int[]{-1, 16}, new int[]{-1, 20});
        assertEquals(36 * 16 + 16 + 36 * 16, concat.countParams());
    }

    @Test
    void paddedKeysGetExactlyZeroWeightAndDoNotChangeTheContext() {
        Tensor mask = Tensor.of(new double[]{1, 1, 0, 1, 0, 0}, 2, 3);
        for (AttentionLayer a : layers()) {
            a.build(f64(), new int[]{2, 4}, new int[]{3, 4});
            Tensor q = randn(3, 2, 2, 4);
            Tensor v = randn(4, 2, 3, 4);
            AttentionResult r = a.attend(Variable.constant(q), Variable.constant(v), mask);
            Tensor w = r.weights().value();
            int[] s = w.shape();
            for (int i = 0; i < w.size(); i++) {
                int key = i % s[s.length - 1];
                int batch = i / (w.size() / 2);
                if (mask.get(batch, key) == 0) {
                    assertEquals(0.0, w.getFlat(i), a.type() + " weight " + i);
                }
            }
            Tensor changed = v.copy();
            changed.set(50.0, 0, 2, 1);
            changed.set(-80.0, 1, 1, 3);
            Tensor again = a.attend(Variable.constant(q), Variable.constant(changed), mask).context().value();
            assertEquals(0.0, again.maxAbsDiff(r.context().value()), a.type());
        }
    }

    @Test
    void gradientsWithMasks() {
        Tensor mask = Tensor.of(new double[]{1, 1, 0, 1, 0, 0}, 2, 3);
        for (AttentionLayer a : layers()) {
            a.build(f64(), new int[]{2, 4}, new int[]{3, 4});
            Variable q = Variable.leaf(randn(5, 2, 2, 4));
            Variable v = Variable.leaf(randn(6, 2, 3, 4));
            List<Variable> wrt = new ArrayList<>(List.of(q, v));
            wrt.addAll(a.parameters());
            GradientCheck.assertPasses(a.type() + " context", () -> {
                AttentionResult r = a.attend(q, v, mask);
                Variable out = a instanceof LuongAttention l ? l.attentional(r, q) : r.context();
                return out.sum().add(r.weights().square().sum());
            }, wrt);
        }
        // T = 1, batch = 1, no mask
        BahdanauAttention one = new BahdanauAttention(3);
        one.build(f64(), new int[]{1, 2}, new int[]{1, 2});
        Variable q = Variable.leaf(randn(8, 1, 1, 2));
        Variable v = Variable.leaf(randn(9, 1, 1, 2));
        List<Variable> wrt = new ArrayList<>(List.of(q, v));
        wrt.addAll(one.parameters());
        GradientCheck.assertPasses("Bahdanau T=1", () -> one.attend(q, v, null).context(), wrt);
    }

    private static List<AttentionLayer> layers() {
        return List.of(new BahdanauAttention(3), new LuongAttention(LuongAttention.Score.DOT, 3),
                new LuongAttention(LuongAttention.Score.GENERAL, 3), new LuongAttention(LuongAttention.Score.CONCAT, 3),
                new ScaledDotProductAttention(), new ScaledDotProductAttention(ScaledDotProductAttention.Causal.CAUSAL),
                new MultiHeadAttention(2, 3));
    }

    @Test
    void errorsNameTheShapes() {
        BahdanauAttention a = new BahdanauAttention(3);
        assertTrue(assertThrows(IllegalStateException.class, () -> a.attend(c(QUERY, 1, 1, 2), c(KEYS, 1, 2, 2), null))
                .getMessage().contains("not built yet"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.build(f64(), new int[]{2}, new int[]{2, 2}))
                .getMessage().contains("needs queries (batch, Tq, dq) and values (batch, Tk, dv) but got query shape (None, 2)"));
        a.build(f64(), new int[]{1, 2}, new int[]{2, 2});
        assertEquals("BahdanauAttention layer bahdanau_attention: the value has shape [1, 2, 3] but the layer was built"
                        + " for values of shape [batch, time, 2]",
                assertThrows(IllegalArgumentException.class, () -> a.attend(c(QUERY, 1, 1, 2), c(new double[6], 1, 2, 3), null)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.attend(c(QUERY, 1, 1, 2), c(new double[8], 2, 2, 2), null))
                .getMessage().contains("the query has 1 sequences but the value has 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.attend(c(QUERY, 1, 1, 2), c(KEYS, 1, 2, 2),
                Tensor.of(new double[]{1, 1, 1}, 1, 3))).getMessage().contains("the value mask has shape [1, 3]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.attend(Variable.constant(Tensor.zeros(DType.FLOAT32, 1, 1, 2)),
                c(KEYS, 1, 2, 2), null)).getMessage().contains("input is float32 but the layer's weights are float64"));
        assertTrue(assertThrows(IllegalStateException.class, () -> a.forward(null, null)).getMessage()
                .contains("run it with attend(query, value, valueMask)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LuongAttention(LuongAttention.Score.DOT, 2)
                .build(f64(), new int[]{1, 2}, new int[]{1, 3})).getMessage().contains("dot score needs queries and values of one size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ScaledDotProductAttention()
                .build(f64(), new int[]{1, 2}, new int[]{1, 3})).getMessage().contains("needs queries and values of one size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BahdanauAttention(0)).getMessage()
                .contains("units must be at least 1, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LuongAttention(LuongAttention.Score.DOT, 0))
                .getMessage().contains("units must be at least 1, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MultiHeadAttention(0, 2)).getMessage()
                .contains("num_heads >= 1 and key_dim >= 1, got num_heads=0, key_dim=2"));
    }
}
