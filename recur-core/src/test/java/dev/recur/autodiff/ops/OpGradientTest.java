package dev.recur.autodiff.ops;

import dev.recur.autodiff.GradientCheck;
import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every primitive against finite differences in float64, and float32 against float64. */
class OpGradientTest {

    static List<OpCase> cases() {
        return OpCase.all().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(OpCase c) {
        GradientCheck.Result r = GradientCheck.assertPasses(c.name(), c.f(), c.inputs());
        assertEquals(Arrays.stream(c.inputs()).mapToInt(Tensor::size).sum(), r.checked());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32ForwardAgreesWithFloat64(OpCase c) {
        Tensor y64 = c.f().apply(leaves(c, DType.FLOAT64)).value();
        Tensor y32 = c.f().apply(leaves(c, DType.FLOAT32)).value();
        assertEquals(DType.FLOAT32, y32.dtype());
        assertTrue(y32.to(DType.FLOAT64).allClose(y64, 1e-5, 1e-5), () -> c + ": float32 " + y32 + " vs float64 " + y64);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32GradientsAgreeWithFloat64(OpCase c) {
        List<Variable> in64 = leaves(c, DType.FLOAT64);
        List<Variable> in32 = leaves(c, DType.FLOAT32);
        backwardWithRandomSeed(c.f().apply(in64));
        backwardWithRandomSeed(c.f().apply(in32));
        for (int i = 0; i < in64.size(); i++) {
            Tensor g32 = in32.get(i).grad();
            Tensor g64 = in64.get(i).grad();
            assertEquals(DType.FLOAT32, g32.dtype());
            assertTrue(g32.to(DType.FLOAT64).allClose(g64, 1e-4, 1e-4), c + ", input " + i + ": " + g32 + " vs " + g64);
        }
    }

    /** With one input a leaf and the others constants, that leaf gets the same gradient: ops skip only what is unwanted. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void constantsReceiveNothingAndLeavesTheSame(OpCase c) {
        List<Variable> all = leaves(c, DType.FLOAT64);
        backwardWithRandomSeed(c.f().apply(all));
        for (int i = 0; i < c.inputs().length; i++) {
            List<Variable> one = new ArrayList<>();
            for (int j = 0; j < c.inputs().length; j++) {
                Tensor x = c.inputs()[j].copy();
                one.add(i == j ? Variable.leaf(x) : Variable.constant(x));
            }
            Variable out = c.f().apply(one);
            backwardWithRandomSeed(out);
            assertEquals(0.0, one.get(i).grad().maxAbsDiff(all.get(i).grad()), 1e-12, c + ", input " + i);
            for (int j = 0; j < one.size(); j++) {
                if (j != i) {
                    assertFalse(one.get(j).requiresGrad());
                    assertEquals(0.0, one.get(j).grad().maxAbsDiff(Tensor.zeros(DType.FLOAT64, one.get(j).value().shape())));
                }
            }
        }
    }

    /** Each public op class takes part in at least one gradient-checked case, so a new op cannot skip the check. */
    @Test
    void everyPrimitiveIsGradientChecked() throws Exception {
        TreeSet<String> checked = new TreeSet<>();
        for (OpCase c : cases()) {
            checked.addAll(GradientCheck.check(c.f(), c.inputs()).ops());
        }
        TreeSet<String> ops = opClasses();
        assertTrue(ops.size() >= 34, "found only " + ops);
        ops.removeAll(checked);
        assertEquals(new TreeSet<String>(), ops, "ops without a gradient-check case");
    }

    private static TreeSet<String> opClasses() throws URISyntaxException, ClassNotFoundException {
        String pkg = Add.class.getPackageName();
        File dir = new File(Add.class.getResource("Add.class").toURI()).getParentFile();
        TreeSet<String> names = new TreeSet<>();
        for (String file : dir.list()) {
            if (file.endsWith(".class") && !file.contains("$")) {
                Class<?> k = Class.forName(pkg + "." + file.substring(0, file.length() - ".class".length()));
                if (Op.class.isAssignableFrom(k) && Modifier.isPublic(k.getModifiers())) {
                    names.add(k.getSimpleName());
                }
            }
        }
        return names;
    }

    private static List<Variable> leaves(OpCase c, DType dtype) {
        List<Variable> out = new ArrayList<>();
        for (Tensor x : c.inputs()) {
            out.add(Variable.leaf(x.to(dtype).copy()));
        }
        return out;
    }

    private static void backwardWithRandomSeed(Variable y) {
        Tensor v = y.value();
        y.backward(Tensor.uniform(new SplittableRandom(7), DType.FLOAT64, -1, 1, v.shape()).to(v.dtype()));
    }
}
