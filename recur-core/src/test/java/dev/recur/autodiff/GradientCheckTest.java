package dev.recur.autodiff;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientCheckTest {

    private static final Tensor X = Tensor.of(new double[]{0.5, -1.0, 1.5, 2.0, -0.25, 0.75}, 2, 3);

    @Test
    void catchesAWrongBackwardAndNamesTheOp() {
        java.util.function.Function<List<Variable>, Variable> f = in -> WrongSquare.apply(in.get(0), 1.0).add(in.get(0));
        GradientCheck.Result r = GradientCheck.check(f, X);
        assertFalse(r.passed());
        assertEquals(6, r.failures());
        assertEquals(6, r.checked());
        assertEquals(List.of("WrongSquare", "Add"), r.ops());
        // the worst entry: analytic x + 1 where the truth is 2x + 1, weighted by the projection
        GradientCheck.Entry w = r.worst();
        double x = X.getFlat(w.element());
        assertEquals((x + 1) / (2 * x + 1), w.analytic() / w.numeric(), 1e-6);
        assertEquals(r.maxRelError(), w.relError());

        AssertionError e = assertThrows(AssertionError.class, () -> GradientCheck.assertPasses("the layer under test", f, X));
        String m = e.getMessage();
        assertTrue(m.startsWith("Gradient check FAILED for the layer under test: worst at input 0, element ["), m);
        assertTrue(m.contains("analytic " + w.analytic() + ", numeric " + w.numeric()), m);
        assertTrue(m.contains("6 of 6 entries fail (limit 0.001)"), m);
        assertTrue(m.contains("ops in the graph: WrongSquare, Add."), m);
        assertTrue(m.contains("Possible cause: a wrong backward"), m);
    }

    @Test
    void failureMessageGivesBothValuesOfTheWorstEntry() {
        Tensor x = Tensor.of(new double[]{3.0}, 1);
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradientCheck.assertPasses("x^2", in -> WrongSquare.apply(in.get(0), 1.0), x));
        // a scalar output is not projected: analytic dy/dx = 3 (wrong), numeric 6
        assertTrue(e.getMessage().contains("worst at input 0, element [0]: analytic 3.0, numeric 6.0"), e.getMessage());
    }

    @Test
    void catchesAOnePercentError() {
        GradientCheck.Result r = GradientCheck.check(in -> WrongSquare.apply(in.get(0), 2.02), X);
        assertFalse(r.passed());
        assertEquals(0.01 / 2.01, r.maxRelError(), 1e-6);
    }

    @Test
    void passesTheCorrectDerivativeAndReportsIt() {
        GradientCheck.Result r = GradientCheck.assertPasses("x^2", in -> WrongSquare.apply(in.get(0), 2.0), X);
        assertTrue(r.passed());
        assertEquals(0, r.failures());
        assertTrue(r.maxRelError() < 1e-6, "max relative error " + r.maxRelError());
        assertTrue(r.describe("x^2").startsWith("Gradient check passed for x^2: worst at input 0"), r.describe("x^2"));
    }

    @Test
    void everyOutputElementIsChecked() {
        // only output element [1, 2] has a wrong gradient; the random projection still sees it
        GradientCheck.Result r = GradientCheck.check(in -> {
            Variable x = in.get(0);
            Variable wrongAtOneElement = WrongSquare.apply(x.slice(0, 1, 2).slice(1, 2, 3), 1.0);
            return Variable.concat(1, x.slice(1, 0, 2), Variable.concat(0, x.slice(0, 0, 1).slice(1, 2, 3), wrongAtOneElement));
        }, X);
        assertFalse(r.passed());
        assertEquals(1, r.failures());
        assertArrayEquals(new int[]{1, 2}, r.worst().index());
    }

    @Test
    void absoluteFloorExcusesTinyDifferences() {
        // y = (1e-5 x)^2 with its derivative (about 1e-10) dropped entirely: every |a - n| < 1e-8
        GradientCheck.Result r = GradientCheck.check(in -> WrongSquare.apply(in.get(0).mul(1e-5), 0.0), X);
        assertTrue(r.passed());
    }

    @Test
    void nanGradientFails() {
        Tensor x = Tensor.of(new double[]{0.0, 1.0}, 2);
        GradientCheck.Result r = GradientCheck.check(in -> in.get(0).sqrt().mul(Variable.constant(Tensor.of(new double[]{0, 1}, 2))), x);
        assertFalse(r.passed());
        assertEquals(Double.POSITIVE_INFINITY, r.maxRelError());
        assertEquals(0, r.worst().element());
    }

    @Test
    void convertsFloat32InputsAndLeavesCallerTensorsAlone() {
        Tensor x32 = Tensor.uniform(new SplittableRandom(1), DType.FLOAT32, -1, 1, 3, 2);
        Tensor before = x32.copy();
        GradientCheck.assertPasses("tanh", in -> {
            assertEquals(DType.FLOAT64, in.get(0).value().dtype());
            return in.get(0).tanh();
        }, x32);
        assertEquals(0.0, x32.maxAbsDiff(before));
        Tensor x64 = X.copy();
        GradientCheck.assertPasses("exp", in -> in.get(0).exp(), x64);
        assertEquals(0.0, x64.maxAbsDiff(X));
    }

    @Test
    void inputsWithoutElementsPass() {
        GradientCheck.Result r = GradientCheck.check(in -> in.get(0).add(in.get(1).sum()), Tensor.zeros(DType.FLOAT64, 2),
                Tensor.zeros(DType.FLOAT64, 0));
        assertTrue(r.passed());
        assertEquals(2, r.checked());
        GradientCheck.Result none = GradientCheck.check(in -> in.get(0).sum(), Tensor.zeros(DType.FLOAT64, 0));
        assertNull(none.worst());
        assertTrue(none.describe("empty").contains("no elements to check"), none.describe("empty"));
    }

    @Test
    void rejectsMisuseWithClearMessages() {
        var noInputs = assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(in -> in.get(0)));
        assertEquals("GradientCheck: no inputs given; pass the tensors to differentiate with respect to", noInputs.getMessage());

        var f32 = assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(
                in -> in.get(0).add(Variable.constant(Tensor.zeros(DType.FLOAT32, 2, 3))), Tensor.zeros(DType.FLOAT32, 2, 3)));
        assertTrue(f32.getMessage().startsWith("add: element types differ"), f32.getMessage());

        var outType = assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(
                in -> Variable.leaf(in.get(0).value().to(DType.FLOAT32)).tanh(), X));
        assertEquals("GradientCheck: the function returned float32 but the check runs in float64; create constants"
                + " with the inputs' type (to(DType.FLOAT64))", outType.getMessage());

        var unrelated = assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(
                in -> Variable.constant(in.get(0).value().copy()).tanh(), X));
        assertTrue(unrelated.getMessage().startsWith("GradientCheck: the function's output does not depend on any input"),
                unrelated.getMessage());

        var nul = assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(in -> null, X));
        assertEquals("GradientCheck: the function returned null instead of a variable", nul.getMessage());

        try (var scope = GradMode.noGrad()) {
            var off = assertThrows(IllegalStateException.class, () -> GradientCheck.check(in -> in.get(0).tanh(), X));
            assertEquals("GradientCheck: grad mode is off (inside GradMode.noGrad()); run the check outside it", off.getMessage());
        }
    }

    @Test
    void checksParametersInPlaceAndNamesThem() {
        Parameter w = new Parameter("dense/kernel", Tensor.uniform(new SplittableRandom(3), DType.FLOAT64, -1, 1, 3, 2));
        Parameter b = new Parameter("dense/bias", Tensor.uniform(new SplittableRandom(4), DType.FLOAT64, -1, 1, 2));
        Variable x = Variable.constant(Tensor.uniform(new SplittableRandom(5), DType.FLOAT64, -1, 1, 4, 3));
        Tensor wBefore = w.value().copy();
        GradientCheck.Result r = GradientCheck.assertPasses("dense", () -> x.matmul(w).add(b).tanh(), List.of(w, b));
        assertEquals(8, r.checked());
        assertEquals(0.0, w.value().maxAbsDiff(wBefore)); // restored after perturbation
        assertEquals(List.of("MatMul", "Add", "Tanh"), r.ops());

        AssertionError e = assertThrows(AssertionError.class, () -> GradientCheck.assertPasses("bad dense",
                () -> WrongSquare.apply(x.matmul(w), 1.0).add(b), List.of(b, w)));
        assertTrue(e.getMessage().contains("worst at dense/kernel (input 1), element ["), e.getMessage());
    }

    @Test
    void rejectsVariablesThatCannotBeChecked() {
        Parameter w32 = new Parameter("w", Tensor.zeros(DType.FLOAT32, 2));
        var f32 = assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(w32::tanh, List.of(w32)));
        assertEquals("GradientCheck: w (input 0) is float32 but the check runs in float64; build the model in float64"
                + " for the check", f32.getMessage());
        Variable leaf = Variable.leaf(X.copy());
        Variable derived = leaf.tanh();
        var notLeaf = assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(derived::exp, List.of(leaf, derived)));
        assertEquals("GradientCheck: input 1 is not a leaf that requires a gradient; check with respect to parameters"
                + " or Variable.leaf(...) inputs", notLeaf.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(leaf::tanh, List.of()));
        assertEquals("GradientCheck: no variables given; pass the parameters to differentiate with respect to", empty.getMessage());
    }
}
