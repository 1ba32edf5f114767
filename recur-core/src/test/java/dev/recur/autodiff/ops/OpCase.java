package dev.recur.autodiff.ops;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One primitive applied to float64 inputs, named for the test report. {@link #all()} lists every
 * primitive with broadcasting variants, negative dimensions, shapes with 1s and T=1 / batch=1.
 * Inputs stay away from kinks (relu and abs at 0, clamp bounds, max ties) by construction.
 */
record OpCase(String name, Function<List<Variable>, Variable> f, Tensor... inputs) {

    @Override
    public String toString() {
        return name;
    }

    static Stream<OpCase> all() {
        Inputs in = new Inputs(new SplittableRandom(20261121));
        Tensor mask21 = Tensor.of(new double[]{1, 0}, 2, 1);
        Tensor mask23 = Tensor.of(new double[]{1, 0, 1, 0, 0, 1}, 2, 3);
        return Stream.of(
                // binary elementwise, with broadcasting
                c("add", v -> v.get(0).add(v.get(1)), in.any(2, 3), in.any(2, 3)),
                c("add bias [2,3]+[3]", v -> v.get(0).add(v.get(1)), in.any(2, 3), in.any(3)),
                c("add column [2,3]+[2,1]", v -> v.get(0).add(v.get(1)), in.any(2, 3), in.any(2, 1)),
                c("add both broadcast [3,1]+[1,4]", v -> v.get(0).add(v.get(1)), in.any(3, 1), in.any(1, 4)),
                c("add rank-0 + [2,3]", v -> v.get(0).add(v.get(1)), in.any(), in.any(2, 3)),
                c("add [2,1,3]+[4,1]", v -> v.get(0).add(v.get(1)), in.any(2, 1, 3), in.any(4, 1)),
                c("sub", v -> v.get(0).sub(v.get(1)), in.any(2, 3), in.any(2, 3)),
                c("sub [1]-[2,3]", v -> v.get(0).sub(v.get(1)), in.any(1), in.any(2, 3)),
                c("sub [2,3]-[3]", v -> v.get(0).sub(v.get(1)), in.any(2, 3), in.any(3)),
                c("mul", v -> v.get(0).mul(v.get(1)), in.any(2, 3), in.any(2, 3)),
                c("mul [2,3]*[3]", v -> v.get(0).mul(v.get(1)), in.any(2, 3), in.any(3)),
                c("mul [2,1,3]*[4,1]", v -> v.get(0).mul(v.get(1)), in.any(2, 1, 3), in.any(4, 1)),
                c("div", v -> v.get(0).div(v.get(1)), in.any(2, 3), in.positive(2, 3)),
                c("div [2,3]/[2,1]", v -> v.get(0).div(v.get(1)), in.any(2, 3), in.positive(2, 1)),
                c("div [3]/[2,3]", v -> v.get(0).div(v.get(1)), in.any(3), in.positive(2, 3)),
                c("maximum", v -> v.get(0).maximum(v.get(1)), in.grid(2, 3), in.gridBetween(2, 3)),
                c("maximum [2,3] vs [3]", v -> v.get(0).maximum(v.get(1)), in.grid(2, 3), in.gridBetween(3)),
                c("minimum", v -> v.get(0).minimum(v.get(1)), in.grid(2, 3), in.gridBetween(2, 3)),
                c("minimum [2,1] vs [2,3]", v -> v.get(0).minimum(v.get(1)), in.grid(2, 1), in.gridBetween(2, 3)),
                c("where mask [2,1] over [2,3]", v -> Variable.where(like(mask21, v), v.get(0), v.get(1)),
                        in.any(2, 3), in.any(2, 3)),
                c("where mask [2,3], a [3], b [2,1]", v -> Variable.where(like(mask23, v), v.get(0), v.get(1)),
                        in.any(3), in.any(2, 1)),
                // one argument
                c("add(double)", v -> v.get(0).add(0.75), in.any(2, 3)),
                c("mul(double)", v -> v.get(0).mul(-1.5), in.any(2, 3)),
                c("neg", v -> v.get(0).neg(), in.any(2, 3)),
                c("exp", v -> v.get(0).exp(), in.any(2, 3)),
                c("log", v -> v.get(0).log(), in.positive(2, 3)),
                c("tanh", v -> v.get(0).tanh(), in.any(2, 3)),
                c("sigmoid", v -> v.get(0).sigmoid(), in.any(2, 3)),
                c("relu", v -> v.get(0).relu(), in.avoiding(new int[]{2, 3}, 0)),
                c("sqrt", v -> v.get(0).sqrt(), in.positive(2, 3)),
                c("square", v -> v.get(0).square(), in.any(2, 3)),
                c("abs", v -> v.get(0).abs(), in.avoiding(new int[]{2, 3}, 0)),
                c("pow(3)", v -> v.get(0).pow(3), in.any(2, 3)),
                c("pow(0.5)", v -> v.get(0).pow(0.5), in.positive(2, 3)),
                c("pow(-1.5)", v -> v.get(0).pow(-1.5), in.positive(2, 3)),
                c("clamp(-0.5, 0.5)", v -> v.get(0).clamp(-0.5, 0.5), in.avoiding(new int[]{3, 4}, -0.5, 0.5)),
                // matrix multiply
                c("matmul", v -> v.get(0).matmul(v.get(1)), in.any(2, 3), in.any(3, 4)),
                c("matmul batch=1 [1,3]x[3,1]", v -> v.get(0).matmul(v.get(1)), in.any(1, 3), in.any(3, 1)),
                c("matmul x W^T", v -> v.get(0).matmul(v.get(1).t()), in.any(2, 3), in.any(4, 3)),
                c("matmul A^T B", v -> v.get(0).t().matmul(v.get(1)), in.any(3, 2), in.any(3, 4)),
                c("bmm [2,2,3]x[2,3,4]", v -> v.get(0).bmm(v.get(1)), in.any(2, 2, 3), in.any(2, 3, 4)),
                c("bmm Q K^T (transposed view)", v -> v.get(0).bmm(v.get(1).transpose(1, 2)), in.any(2, 3, 4),
                        in.any(2, 5, 4)),
                c("bmm rank 4 (batch, heads)", v -> v.get(0).bmm(v.get(1)), in.any(2, 2, 1, 3), in.any(2, 2, 3, 2)),
                c("bmm with non-nested leading dims", v -> v.get(0).transpose(0, 1).bmm(v.get(1)), in.any(3, 2, 2, 4),
                        in.any(2, 3, 4, 2)),
                // reductions
                c("sum()", v -> v.get(0).sum(), in.any(2, 3)),
                c("sum(0)", v -> v.get(0).sum(0), in.any(2, 3)),
                c("sum(-1)", v -> v.get(0).sum(-1), in.any(2, 3)),
                c("sum(1) of T=1 [2,1,3]", v -> v.get(0).sum(1), in.any(2, 1, 3)),
                c("mean()", v -> v.get(0).mean(), in.any(2, 3)),
                c("mean(0)", v -> v.get(0).mean(0), in.any(2, 3)),
                c("mean(-1) of [2,3,4]", v -> v.get(0).mean(-1), in.any(2, 3, 4)),
                c("mean() of [1,1]", v -> v.get(0).mean(), in.any(1, 1)),
                c("softmax", v -> v.get(0).softmax(), in.any(2, 4)),
                c("softmax rank 1", v -> v.get(0).softmax(), in.any(3)),
                c("softmax [2,2,3]", v -> v.get(0).softmax(), in.any(2, 2, 3)),
                c("softmax of one class [2,1]", v -> v.get(0).softmax(), in.any(2, 1)),
                c("logSoftmax", v -> v.get(0).logSoftmax(), in.any(2, 4)),
                c("logSoftmax [1,3,2]", v -> v.get(0).logSoftmax(), in.any(1, 3, 2)),
                c("logSumExp", v -> v.get(0).logSumExp(), in.any(2, 4)),
                c("logSumExp rank 1", v -> v.get(0).logSumExp(), in.any(3)),
                c("logSumExp large inputs", v -> v.get(0).logSumExp(), in.any(2, 3).add(500.0)),
                // shapes
                c("reshape", v -> v.get(0).reshape(3, 2), in.any(2, 3)),
                c("reshape(-1)", v -> v.get(0).reshape(-1), in.any(2, 3)),
                c("reshape of a transposed view", v -> v.get(0).t().reshape(6), in.any(2, 3)),
                c("transpose(0, -1)", v -> v.get(0).transpose(0, -1), in.any(2, 2, 3)),
                c("t()", v -> v.get(0).t(), in.any(2, 3)),
                c("slice(1, 1, 3)", v -> v.get(0).slice(1, 1, 3), in.any(2, 4)),
                c("slice(-1, 0, 1) of [1,1,4]", v -> v.get(0).slice(-1, 0, 1), in.any(1, 1, 4)),
                c("select time step (1, 2)", v -> v.get(0).select(1, 2), in.any(2, 3, 4)),
                c("select(-1, 0)", v -> v.get(0).select(-1, 0), in.any(2, 3)),
                c("select batch=1 (0, 0)", v -> v.get(0).select(0, 0), in.any(1, 3)),
                c("select T=1 [2,1,3]", v -> v.get(0).select(1, 0), in.any(2, 1, 3)),
                c("select every step, stacked back", v -> Variable.stack(1, v.get(0).select(1, 0),
                        v.get(0).select(1, 1), v.get(0).select(1, 2)).mul(v.get(0)), in.any(2, 3, 2)),
                c("unsqueeze(0)", v -> v.get(0).unsqueeze(0), in.any(2, 3)),
                c("unsqueeze(-1)", v -> v.get(0).unsqueeze(-1), in.any(2, 3)),
                c("concat(0)", v -> Variable.concat(0, v.get(0), v.get(1)), in.any(1, 3), in.any(2, 3)),
                c("concat(-1)", v -> Variable.concat(-1, v.get(0), v.get(1)), in.any(2, 1), in.any(2, 3)),
                c("concat of one", v -> Variable.concat(0, v.get(0)), in.any(2, 3)),
                c("concat of x with itself", v -> Variable.concat(1, v.get(0), v.get(0)), in.any(2, 2)),
                c("stack(1)", v -> Variable.stack(1, v.get(0), v.get(1), v.get(2)), in.any(2, 3), in.any(2, 3), in.any(2, 3)),
                c("stack(-1)", v -> Variable.stack(-1, v.get(0), v.get(1)), in.any(2, 3), in.any(2, 3)),
                c("stack of one", v -> Variable.stack(0, v.get(0)), in.any(3)),
                c("gather with a repeated index", v -> Variable.gather(v.get(0), new int[]{1, 4, 1, 0}, 2, 2), in.any(5, 3)),
                c("gather batch=1 T=1", v -> Variable.gather(v.get(0), new int[]{2}, 1, 1), in.any(3, 2)),
                // compositions
                c("value used twice: x*x + x", v -> v.get(0).mul(v.get(0)).add(v.get(0)), in.any(2, 3)),
                c("gate: sigmoid(x W + h U + b) * tanh(h)", v -> v.get(0).matmul(v.get(1)).add(v.get(3).matmul(v.get(2)))
                        .add(v.get(4)).sigmoid().mul(v.get(3).tanh()), in.any(2, 3), in.any(3, 4), in.any(4, 4),
                        in.any(2, 4), in.any(4)),
                c("cross-entropy: -mean(sum(onehot * logSoftmax(z)))", v -> v.get(0).logSoftmax()
                        .mul(Variable.constant(like(Tensor.of(new double[]{0, 1, 0, 1, 0, 0}, 2, 3), v))).sum(-1).mean().neg(),
                        in.any(2, 3)));
    }

    private static OpCase c(String name, Function<List<Variable>, Variable> f, Tensor... inputs) {
        return new OpCase(name, f, inputs);
    }

    /** A float64 constant converted to the element type of the first input. */
    private static Tensor like(Tensor t, List<Variable> inputs) {
        return t.to(inputs.get(0).value().dtype());
    }

    /** Random float64 inputs from one seeded generator. */
    private record Inputs(SplittableRandom rng) {
        Tensor any(int... shape) {
            return Tensor.uniform(rng, DType.FLOAT64, -2, 2, shape);
        }

        Tensor positive(int... shape) {
            return Tensor.uniform(rng, DType.FLOAT64, 0.5, 2, shape);
        }

        /** Uniform in [-2, 2] but at least 0.05 from every kink. */
        Tensor avoiding(int[] shape, double... kinks) {
            Tensor t = Tensor.zeros(DType.FLOAT64, shape);
            for (int i = 0; i < t.size(); i++) {
                double x;
                do {
                    x = -2 + 4 * rng.nextDouble();
                } while (near(x, kinks));
                t.setFlat(i, x);
            }
            return t;
        }

        /** Multiples of 0.5 plus 0.25, so that they never tie with {@link #gridBetween}. */
        Tensor grid(int... shape) {
            return steps(shape, 0.25);
        }

        /** Multiples of 0.5. */
        Tensor gridBetween(int... shape) {
            return steps(shape, 0.0);
        }

        private Tensor steps(int[] shape, double shift) {
            Tensor t = Tensor.zeros(DType.FLOAT64, shape);
            for (int i = 0; i < t.size(); i++) {
                t.setFlat(i, 0.5 * (rng.nextInt(9) - 4) + shift);
            }
            return t;
        }

        private static boolean near(double x, double[] kinks) {
            for (double k : kinks) {
                if (Math.abs(x - k) < 0.05) {
                    return true;
                }
            }
            return false;
        }
    }
}
