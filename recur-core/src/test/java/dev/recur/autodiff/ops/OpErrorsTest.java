package dev.recur.autodiff.ops;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad arguments surface with messages naming the op and the shapes involved. */
class OpErrorsTest {

    record Bad(String name, Class<? extends Throwable> type, Executable call, String... fragments) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Variable v(int... shape) {
        return Variable.leaf(Tensor.zeros(DType.FLOAT64, shape));
    }

    static Stream<Bad> cases() {
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        Tensor mask21 = Tensor.of(new double[]{1, 0}, 2, 1);
        return Stream.of(
                new Bad("add", iae, () -> v(2, 3).add(v(4)), "add: shapes [2, 3] and [4] cannot be broadcast"),
                new Bad("sub", iae, () -> v(2, 3).sub(v(3, 2)), "sub: shapes [2, 3] and [3, 2] cannot be broadcast"),
                new Bad("mul", iae, () -> v(5).mul(v(2, 3)), "mul: shapes [5] and [2, 3] cannot be broadcast"),
                new Bad("div", iae, () -> v(2, 3).div(v(2, 2)), "div: shapes [2, 3] and [2, 2] cannot be broadcast"),
                new Bad("maximum", iae, () -> v(2).maximum(v(3)), "maximum: shapes [2] and [3]"),
                new Bad("minimum", iae, () -> v(2).minimum(v(3)), "minimum: shapes [2] and [3]"),
                new Bad("mixed element types", iae, () -> v(2).add(Variable.leaf(Tensor.zeros(DType.FLOAT32, 2))),
                        "add: element types differ (float64 [2] and float32 [2])"),
                new Bad("matmul", iae, () -> v(2, 3).matmul(v(2, 3)), "matmul: shapes [2, 3] and [2, 3] do not fit"),
                new Bad("matmul of a rank-3 tensor", iae, () -> v(2, 3, 4).matmul(v(4, 2)),
                        "matmul: expected two matrices but got shapes [2, 3, 4] and [4, 2]"),
                new Bad("bmm of a matrix", iae, () -> v(2, 3).bmm(v(3, 2)),
                        "bmm: expected two batches of matrices of one rank (at least 3) but got shapes [2, 3] and [3, 2];"
                                + " use matmul for single matrices"),
                new Bad("bmm with unequal batches", iae, () -> v(2, 3, 4).bmm(v(3, 4, 2)),
                        "bmm: shapes [2, 3, 4] and [3, 4, 2] do not fit: the leading (batch) dimensions must be equal"
                                + " and the first's 4 columns must match the second's 4 rows"),
                new Bad("bmm inner sizes", iae, () -> v(2, 3, 4).bmm(v(2, 3, 2)),
                        "bmm: shapes [2, 3, 4] and [2, 3, 2] do not fit"),
                new Bad("where shapes", iae, () -> Variable.where(mask21, v(2, 3), v(4)),
                        "where: shapes [2, 3] and [4] cannot be broadcast"),
                new Bad("where mask shape", iae, () -> Variable.where(mask21, v(3, 3), v(3, 3)),
                        "where: shapes [2, 1] and [3, 3] cannot be broadcast"),
                new Bad("where mask type", iae, () -> Variable.where(mask21.to(DType.FLOAT32), v(2, 3), v(2, 3)),
                        "where: the mask (float32), a (float64) and b (float64) must have one element type; convert with to(DType)"),
                new Bad("where mask values", iae, () -> Variable.where(Tensor.of(new double[]{1, 0.5}, 2, 1), v(2, 3), v(2, 3)),
                        "where: mask values must be 0 or 1 but element 1 (row-major) of the mask of shape [2, 1] is 0.5"),
                new Bad("clamp bounds", iae, () -> v(2).clamp(1, 0), "clamp: the lower bound 1.0 must not exceed the upper bound 0.0"),
                new Bad("clamp NaN bound", iae, () -> v(2).clamp(Double.NaN, 0), "clamp: the lower bound NaN"),
                new Bad("sum dimension", iae, () -> v(2, 3).sum(2), "sum: dimension 2 is out of range for a tensor of rank 2"),
                new Bad("mean dimension", iae, () -> v(2, 3).mean(-3), "mean: dimension -3 is out of range for a tensor of rank 2"),
                new Bad("softmax of a scalar", iae, () -> v().softmax(), "softmax: expected at least one dimension"),
                new Bad("reshape", iae, () -> v(2, 3).reshape(4), "reshape [2, 3] -> [4]"),
                new Bad("t() of rank 3", iae, () -> v(2, 3, 4).t(), "t(): expected a matrix but the shape is [2, 3, 4]"),
                new Bad("slice range", iae, () -> v(2, 3).slice(1, 2, 5), "slice: range [2, 5) along dimension 1 is outside [0, 3) of shape [2, 3]"),
                new Bad("select index", IndexOutOfBoundsException.class, () -> v(2, 3).select(0, 2),
                        "select: index 2 along dimension 0 is out of bounds for shape [2, 3]"),
                new Bad("concat shapes", iae, () -> Variable.concat(0, v(2, 3), v(2, 4)),
                        "concat along dimension 0: shapes [2, 3] and [2, 4] differ in dimension 1"),
                new Bad("concat of nothing", iae, () -> Variable.concat(0), "concat: no tensors given"),
                new Bad("stack shapes", iae, () -> Variable.stack(0, v(2, 3), v(3, 2)), "stack: shapes [2, 3] and [3, 2] differ"),
                new Bad("gather table", iae, () -> Variable.gather(v(2, 3, 4), new int[]{0}, 1),
                        "gather: expected a [rows, cols] table but the shape is [2, 3, 4]"),
                new Bad("gather index", IndexOutOfBoundsException.class, () -> Variable.gather(v(5, 3), new int[]{0, 5}, 2),
                        "gather: index 5 at position 1 is outside the table's 5 rows (valid: 0..4)"),
                new Bad("gather index shape", iae, () -> Variable.gather(v(5, 3), new int[]{0, 1, 2}, 2, 2),
                        "gather indices: 3 values do not fill shape [2, 2]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void messageNamesTheOpAndShapes(Bad bad) {
        Throwable e = assertThrows(bad.type(), bad.call());
        for (String fragment : bad.fragments()) {
            assertTrue(e.getMessage().contains(fragment), () -> "expected '" + fragment + "' in: " + e.getMessage());
        }
    }
}
