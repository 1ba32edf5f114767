package dev.recur.autodiff.ops;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Values a person can check by hand, and the conventions at points where a derivative is undefined. */
class OpSemanticsTest {

    private static Variable leaf(double... values) {
        return Variable.leaf(Tensor.of(values, values.length));
    }

    private static double[] gradOfSum(Variable x, Variable y) {
        y.sum().backward();
        return x.grad().toDoubleArray();
    }

    @Test
    void goldenValues() {
        Variable one = leaf(1.0);
        assertEquals(0.7615941559557649, one.tanh().value().item(), 1e-15); // tanh(1)
        assertEquals(1 - 0.7615941559557649 * 0.7615941559557649, gradOfSum(one, one.tanh())[0], 1e-15);
        Variable zero = leaf(0.0);
        assertEquals(0.5, zero.sigmoid().value().item());
        assertEquals(0.25, gradOfSum(zero, zero.sigmoid())[0]); // sigma'(0) = 1/4
        Variable x = leaf(1, 2, 3);
        assertArrayEquals(new double[]{1.0 / 3, 1.0 / 3, 1.0 / 3}, gradOfSum(x, x.mean()), 1e-15);
        Variable z = leaf(0, 0, 0, 0);
        assertArrayEquals(new double[]{0.25, 0.25, 0.25, 0.25}, z.softmax().value().toDoubleArray(), 1e-15);
        assertEquals(Math.log(4), z.logSumExp().value().item(), 1e-15);
    }

    @Test
    void kinksUseTheCommonConventions() {
        Variable x = leaf(-1, 0, 2);
        assertArrayEquals(new double[]{0, 0, 1}, gradOfSum(x, x.relu()));
        Variable a = leaf(-1, 0, 2);
        assertArrayEquals(new double[]{-1, 0, 1}, gradOfSum(a, a.abs()));
        Variable c = leaf(-1, -0.5, 0, 0.5, 1);
        assertArrayEquals(new double[]{0, 1, 1, 1, 0}, gradOfSum(c, c.clamp(-0.5, 0.5))); // bounds pass the gradient
        Variable p = leaf(0, 2);
        assertArrayEquals(new double[]{0, 0}, gradOfSum(p, p.pow(0))); // x^0 is constant, also at 0
    }

    @Test
    void maximumAndMinimumSplitATie() {
        Variable a = leaf(1, 2, 3);
        Variable b = leaf(1, 0, 5);
        a.maximum(b).sum().backward();
        assertArrayEquals(new double[]{0.5, 1, 0}, a.grad().toDoubleArray());
        assertArrayEquals(new double[]{0.5, 0, 1}, b.grad().toDoubleArray());
        a.zeroGrad();
        b.zeroGrad();
        a.minimum(b).sum().backward();
        assertArrayEquals(new double[]{0.5, 0, 1}, a.grad().toDoubleArray());
        assertArrayEquals(new double[]{0.5, 1, 0}, b.grad().toDoubleArray());
    }

    @Test
    void whereSelectsExactlyAndMasksTheGradient() {
        Tensor mask = Tensor.of(new double[]{1, 0}, 2, 1); // [batch, 1]: row 0 keeps a, row 1 keeps b
        Variable a = Variable.leaf(Tensor.of(new double[]{1, 2, Double.NaN, Double.POSITIVE_INFINITY}, 2, 2));
        Variable b = Variable.leaf(Tensor.of(new double[]{5, 6, 7, 8}, 2, 2));
        Variable y = Variable.where(mask, a, b);
        assertArrayEquals(new double[]{1, 2, 7, 8}, y.value().toDoubleArray());
        y.sum().backward();
        assertArrayEquals(new double[]{1, 1, 0, 0}, a.grad().toDoubleArray());
        assertArrayEquals(new double[]{0, 0, 1, 1}, b.grad().toDoubleArray());
    }

    @Test
    void gatherAccumulatesRepeatedRowsAndKeepsItsOwnIndices() {
        Variable table = Variable.leaf(Tensor.of(new double[]{10, 11, 20, 21, 30, 31}, 3, 2));
        int[] idx = {2, 0, 2};
        Variable y = Variable.gather(table, idx, 3);
        assertArrayEquals(new int[]{3, 2}, y.value().shape());
        assertArrayEquals(new double[]{30, 31, 10, 11, 30, 31}, y.value().toDoubleArray());
        idx[0] = 1; // the caller reuses its array: the recorded op must not see it
        y.mul(Variable.constant(Tensor.of(new double[]{1, 2, 3, 4, 5, 6}, 3, 2))).sum().backward();
        assertArrayEquals(new double[]{3, 4, 0, 0, 1 + 5, 2 + 6}, table.grad().toDoubleArray());
    }

    @Test
    void selectAndSliceGradientsLandInTheirRegion() {
        Variable x = Variable.leaf(Tensor.zeros(DType.FLOAT64, 2, 3, 2)); // [batch, time, features]
        x.select(1, 1).sum().backward();
        x.slice(1, 2, 3).mul(Variable.constant(Tensor.full(DType.FLOAT64, 3, 1, 1, 1))).sum().backward();
        assertArrayEquals(new double[]{0, 0, 1, 1, 3, 3, 0, 0, 1, 1, 3, 3}, x.grad().toDoubleArray());
    }

    @Test
    void shapeOpsReturnViewsAndResultsKeepTheirType() {
        Variable x = Variable.leaf(Tensor.zeros(DType.FLOAT32, 2, 3));
        Variable t = x.t();
        assertArrayEquals(new int[]{3, 2}, t.value().shape());
        assertFalse(t.value().isContiguous()); // a view, no copy
        assertEquals(DType.FLOAT32, Variable.stack(0, x, x).sum(0).mean(-1).value().dtype());
        assertArrayEquals(new int[]{2, 1, 3}, x.unsqueeze(1).value().shape());
        assertArrayEquals(new int[]{}, x.sum().value().shape());
    }
}
