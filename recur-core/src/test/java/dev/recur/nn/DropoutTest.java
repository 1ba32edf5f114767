package dev.recur.nn;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.recur.nn.LayerCheck.error;
import static dev.recur.nn.LayerCheck.f64;
import static dev.recur.nn.LayerCheck.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropoutTest {

    @Test
    void inferenceIsTheIdentity() {
        Dropout d = new Dropout(0.5);
        d.build(f64(), 3);
        Masked in = Masked.of(randn(1, 4, 3));
        assertSame(in, d.forward(in, Context.inference()));
    }

    @Test
    void trainingDropsAboutRateAndScalesTheRestByOneOverKeep() {
        Dropout d = new Dropout(0.3);
        d.build(f64(), 100, 10);
        Tensor x = Tensor.full(DType.FLOAT64, 2.0, 20, 100, 10);
        Tensor y = d.forward(Masked.of(x), Context.training(new SplittableRandom(5))).value().value();
        int dropped = 0;
        for (int i = 0; i < y.size(); i++) {
            double v = y.getFlat(i);
            if (v == 0) {
                dropped++;
            } else {
                assertEquals(2.0 / 0.7, v, 1e-12);
            }
        }
        assertEquals(0.3, dropped / (double) y.size(), 0.01); // 20,000 draws: standard error 0.003
    }

    @Test
    void aSeedReproducesTheMaskAndTheMaskIsKept() {
        Dropout d = new Dropout(0.5);
        d.build(f64(), 3, 4);
        Tensor mask = Tensor.of(new double[]{1, 1, 0, 1, 0, 0}, 2, 3);
        Masked in = new Masked(Variable.constant(randn(2, 2, 3, 4)), mask);
        Masked a = d.forward(in, Context.training(new SplittableRandom(9)));
        Masked b = d.forward(in, Context.training(new SplittableRandom(9)));
        assertEquals(0.0, a.value().value().maxAbsDiff(b.value().value()));
        assertSame(mask, a.mask());
        assertTrue(a.value().value().maxAbsDiff(d.forward(in, Context.training(new SplittableRandom(10))).value().value()) > 0);
    }

    @Test
    void gradientIsTheScaledKeepMask() {
        Dropout d = new Dropout(0.4);
        d.build(f64(), 3, 2);
        Variable x = Variable.leaf(randn(3, 2, 3, 2));
        // a fresh generator with one seed on every call makes the function deterministic for finite differences
        LayerCheck.assertGradients("Dropout", () -> d.forward(Masked.of(x), Context.training(new SplittableRandom(1))).value(),
                x, d);
    }

    @Test
    void rateZeroIsTheIdentityEvenInTraining() {
        Dropout d = new Dropout(0);
        d.build(f64(), 3);
        Masked in = Masked.of(randn(1, 2, 3));
        assertSame(in, d.forward(in, Context.training(new SplittableRandom(1))));
    }

    @Test
    void rateMustBeAFractionBelowOne() {
        assertEquals("Dropout rate must be in [0, 1) (the fraction of inputs to drop), got 1.0", error(() -> new Dropout(1)));
        assertEquals("Dropout rate must be in [0, 1) (the fraction of inputs to drop), got -0.1", error(() -> new Dropout(-0.1)));
        assertEquals("Dropout rate must be in [0, 1) (the fraction of inputs to drop), got NaN", error(() -> new Dropout(Double.NaN)));
        assertEquals("Dropout(0.25)", new Dropout(0.25).spec());
    }
}
