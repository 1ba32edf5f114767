package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.recur.nn.LayerCheck.error;
import static dev.recur.nn.LayerCheck.f64;
import static dev.recur.nn.LayerCheck.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeDistributedTest {

    @Test
    void appliesTheLayerToEveryStep() {
        TimeDistributed td = new TimeDistributed(new Dense(2, Activation.TANH));
        assertArrayEquals(new int[]{6, 2}, td.build(f64(), 6, 3));
        Tensor x = randn(1, 4, 6, 3);
        Tensor y = td.forward(Masked.of(x), Context.inference()).value().value();
        assertArrayEquals(new int[]{4, 6, 2}, y.shape());
        for (int t = 0; t < 6; t++) {
            Tensor step = td.layer().forward(Masked.of(x.select(1, t).contiguous()), Context.inference()).value().value();
            assertEquals(0.0, step.maxAbsDiff(y.select(1, t).contiguous()), 1e-15);
        }
    }

    @Test
    void wrapsLayersOfHigherRankToo() {
        TimeDistributed td = new TimeDistributed(new Flatten());
        assertArrayEquals(new int[]{5, 6}, td.build(f64(), 5, 2, 3));
        Tensor y = td.forward(Masked.of(randn(2, 3, 5, 2, 3)), Context.inference()).value().value();
        assertArrayEquals(new int[]{3, 5, 6}, y.shape());
    }

    @Test
    void itsWeightsAreTheWrappedLayersWithUniqueNames() {
        Sequential m = LayerRegistry.parseModel("Input(5, 3) TimeDistributed(Dense(4)) TimeDistributed(Dense(1)) Dense(2)")
                .build(f64());
        assertEquals(List.of("time_distributed/dense/kernel", "time_distributed/dense/bias", "time_distributed_1/dense/kernel",
                "time_distributed_1/dense/bias", "dense/kernel", "dense/bias"), m.weights().stream().map(p -> p.name()).toList());
        assertEquals(16, m.layers().get(0).countParams());
        assertEquals(16 + 5 + 4, m.countParams());
    }

    @Test
    void keepsTheMaskAndPassesGradients() {
        TimeDistributed td = new TimeDistributed(new Dense(2, Activation.SIGMOID));
        td.build(f64(), 3, 2);
        Tensor mask = Tensor.of(new double[]{1, 1, 0, 1, 0, 0}, 2, 3);
        assertSame(mask, td.forward(new Masked(Variable.constant(randn(1, 2, 3, 2)), mask), Context.inference()).mask());
        LayerCheck.assertGradients(td, randn(2, 2, 3, 2), null);
        TimeDistributed single = new TimeDistributed(new Dense(1));
        single.build(f64(), 1, 2); // T = 1
        LayerCheck.assertGradients(single, randn(3, 1, 1, 2), null);
    }

    @Test
    void freezingTheWrapperFreezesTheLayer() {
        TimeDistributed td = new TimeDistributed(new Dense(2));
        td.build(f64(), 3, 2);
        td.setTrainable(false);
        assertTrue(td.parameters().isEmpty());
        assertEquals(2, td.weights().size());
        assertEquals(6, td.countParams());
        assertEquals(0, td.countTrainableParams());
        assertEquals("TimeDistributed(Dense(2, trainable=false))", td.spec());
    }

    @Test
    void errors() {
        assertEquals("TimeDistributed needs sequences [batch, time, ...] but the input shape is (None, 3)",
                error(() -> new TimeDistributed(new Dense(1)).build(f64(), 3)));
        Dense built = new Dense(1);
        built.build(f64(), 3);
        assertEquals("TimeDistributed needs a new, unbuilt layer to wrap, but dense (Dense) is already built for (None, 3)",
                error(() -> new TimeDistributed(built)));
        TimeDistributed td = new TimeDistributed(new Dense(1));
        td.build(f64(), 4, 3);
        assertEquals("TimeDistributed input has 2 features per step but the layer was built for 3 (input shape [1, 4, 2]).",
                error(() -> td.forward(Masked.of(randn(1, 1, 4, 2)), Context.inference())));
    }
}
