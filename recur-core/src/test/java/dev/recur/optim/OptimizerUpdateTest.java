package dev.recur.optim;

import dev.recur.autodiff.Parameter;
import dev.recur.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every optimizer against updates computed by hand on one tiny problem: a parameter w = [1, 2]
 * and three known gradients g1 = [1, -2], g2 = [0.5, 0], g3 = [-1, 1]. The arithmetic is written
 * next to each expectation (rounded to 8 digits; the literals carry full double precision). Each
 * trajectory runs in float64 (tolerance 1e-12) and float32 (2e-6).
 */
class OptimizerUpdateTest {

    private static final double[][] GRADS = {{1, -2}, {0.5, 0}, {-1, 1}};

    /** w after each of the three steps. */
    private static double[][] trajectory(OptimizerConfig config, DType dtype) {
        Parameter w = Grads.param("w", dtype, 1, 2);
        Optimizer opt = config.build(List.of(w));
        double[][] out = new double[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            opt.zeroGrad();
            Grads.set(w, GRADS[t]);
            opt.step();
            out[t] = w.value().toDoubleArray();
        }
        return out;
    }

    private static void assertTrajectory(OptimizerConfig config, double[][] expected) {
        for (DType dtype : DType.values()) {
            double tolerance = dtype == DType.FLOAT64 ? 1e-12 : 2e-6;
            double[][] actual = trajectory(config, dtype);
            for (int t = 0; t < expected.length; t++) {
                for (int i = 0; i < 2; i++) {
                    int step = t + 1;
                    int element = i;
                    assertEquals(expected[t][i], actual[t][i], tolerance,
                            () -> config + " in " + dtype + ", step " + step + ", element " + element);
                }
            }
        }
    }

    @Test
    void sgd() {
        assertTrajectory(new Sgd(0.1, 0, Sgd.Variant.CLASSICAL, 0), new double[][]{
                {0.9, 2.2},   // w = [1 - 0.1 * 1, 2 - 0.1 * -2]
                {0.85, 2.2},  // w = [0.9 - 0.1 * 0.5, 2.2 - 0]
                {0.95, 2.1},  // w = [0.85 - 0.1 * -1, 2.2 - 0.1 * 1]
        });
    }

    @Test
    void sgdWithNesterovButNoMomentumIsPlainGradientDescent() {
        assertTrajectory(new Sgd(0.1, 0, Sgd.Variant.NESTEROV, 0), new double[][]{{0.9, 2.2}, {0.85, 2.2}, {0.95, 2.1}});
    }

    @Test
    void sgdWithMomentumAccumulatesSteps() {
        assertTrajectory(new Sgd(0.1, 0.9, Sgd.Variant.CLASSICAL, 0), new double[][]{
                {0.9, 2.2},     // v = 0.9 * 0 - 0.1 * g1 = [-0.1, 0.2]; w = w + v
                {0.76, 2.38},   // v = 0.9 * v - 0.1 * g2 = [-0.14, 0.18]: a zero gradient still moves w
                {0.734, 2.442}, // v = 0.9 * v - 0.1 * g3 = [-0.026, 0.062]
        });
    }

    @Test
    void sgdWithNesterovMomentumLooksAhead() {
        assertTrajectory(new Sgd(0.1, 0.9, Sgd.Variant.NESTEROV, 0), new double[][]{
                {0.81, 2.38},     // v = [-0.1, 0.2];    w += 0.9 * v - 0.1 * g1 = [-0.19, 0.38]
                {0.634, 2.542},   // v = [-0.14, 0.18];  w += [-0.126 - 0.05, 0.162 - 0] = [-0.176, 0.162]
                {0.7106, 2.4978}, // v = [-0.026, 0.062]; w += [-0.0234 + 0.1, 0.0558 - 0.1] = [0.0766, -0.0442]
        });
    }

    @Test
    void sgdWeightDecayIsDecoupledFromMomentum() {
        // lr * wd = 0.1 * 0.5 = 0.05: w shrinks by 5% first; the velocity is the one of sgdWithMomentum
        assertTrajectory(new Sgd(0.1, 0.9, Sgd.Variant.CLASSICAL, 0.5), new double[][]{
                {0.85, 2.1},         // w = 0.95 * [1, 2] = [0.95, 1.9];             + v [-0.1, 0.2]
                {0.6675, 2.175},     // w = 0.95 * [0.85, 2.1] = [0.8075, 1.995];     + v [-0.14, 0.18]
                {0.608125, 2.12825}, // w = 0.95 * [0.6675, 2.175] = [0.634125, 2.06625]; + v [-0.026, 0.062]
        });
    }

    @Test
    void sgdMomentumKeepsPastStepsAtTheLearningRateTheyWereTakenWith() {
        // Keras's convention. One weight, g = 1 twice, lr 0.1 then 0.01, momentum 0.9:
        // v1 = -0.1, w1 = 0.9; v2 = 0.9 * -0.1 - 0.01 * 1 = -0.1, w2 = 0.8.
        // (PyTorch's buffer would give b2 = 0.9 * 1 + 1 = 1.9, w2 = 0.9 - 0.01 * 1.9 = 0.881.)
        Parameter w = Grads.param("w", DType.FLOAT64, 1);
        Optimizer opt = new Sgd(0.1, 0.9, Sgd.Variant.CLASSICAL, 0).build(List.of(w));
        Grads.set(w, 1);
        opt.step();
        assertEquals(0.9, w.value().getFlat(0), 1e-15);
        opt.setLearningRate(0.01);
        Grads.set(w, 1);
        opt.step();
        assertEquals(0.8, w.value().getFlat(0), 1e-15);
    }

    @Test
    void rmsProp() {
        // lr 0.1, rho 0.5, eps 1e-7 inside the root
        assertTrajectory(new RmsProp(0.1, 0.5, 0, 1e-7, RmsProp.Variant.UNCENTERED), new double[][]{
                // v = 0.5 * [1, 4] = [0.5, 2];  w -= 0.1 * g1 / sqrt(v + eps) = [0.14142136, -0.14142136]
                {0.858578657904824, 2.141421352701776},
                // v = 0.5 * v + 0.5 * [0.25, 0] = [0.375, 1];  w -= [0.05 / sqrt(0.375 + eps), 0] = [0.08164966, 0]
                {0.776929010698670, 2.141421352701776},
                // v = 0.5 * v + 0.5 * [1, 1] = [0.6875, 1];  w -= [-0.1 / sqrt(0.6875 + eps), 0.1 / sqrt(1 + eps)]
                {0.897533539758538, 2.041421357701775},
        });
    }

    @Test
    void rmsPropCenteredWithMomentum() {
        // lr 0.1, rho 0.5, momentum 0.5, eps 1e-7; d = v - a^2 + eps
        assertTrajectory(new RmsProp(0.1, 0.5, 0.5, 1e-7, RmsProp.Variant.CENTERED), new double[][]{
                // v = [0.5, 2], a = 0.5 * g1 = [0.5, -1], d = [0.25, 1]; step = 0.1 * g1 / sqrt(d) = [0.2, -0.2]
                // m = step; w = [1, 2] - m
                {0.800000039999988, 2.199999990000001},
                // v = [0.375, 1], a = [0.5, -0.5], d = [0.125, 0.75]; step = [0.05 / sqrt(0.125), 0] = [0.14142136, 0]
                // m = 0.5 * m + step = [0.24142136, -0.1]
                {0.558578760331181, 2.299999985000001},
                // v = [0.6875, 1], a = [-0.25, 0.25], d = [0.625, 0.9375]; step = [-0.12649111, 0.10327956]
                // m = [0.12071068 - 0.12649111, -0.05 + 0.10327956] = [-0.00578043, 0.05327956]
                {0.564359216784225, 2.246720432109380},
        });
    }

    @Test
    void adam() {
        // lr 0.1, beta1 0.5, beta2 0.75, eps 1e-7 added to sqrt(v)
        assertTrajectory(new Adam(0.1, 0.5, 0.75, 1e-7, Adam.Variant.ADAM), new double[][]{
                // m = 0.5 * g1 = [0.5, -1]; v = 0.25 * g1^2 = [0.25, 1]; alpha = 0.1 * sqrt(1 - 0.75) / (1 - 0.5) = 0.1
                // w -= 0.1 * [0.5 / (0.5 + eps), -1 / (1 + eps)]
                {0.900000019999996, 2.099999990000001},
                // m = [0.5, -0.5]; v = 0.75 * v + 0.25 * g2^2 = [0.25, 0.75]
                // alpha = 0.1 * sqrt(1 - 0.5625) / (1 - 0.25) = 0.08819171; w -= alpha * [0.5 / 0.5, -0.5 / sqrt(0.75)]
                {0.811808327269515, 2.150917491842286},
                // m = [-0.25, 0.25]; v = [0.4375, 0.8125]; alpha = 0.1 * sqrt(1 - 0.421875) / (1 - 0.125) = 0.08689661
                // w -= alpha * [-0.25 / sqrt(0.4375), 0.25 / sqrt(0.8125)] = [-0.03284383, 0.02410078]
                {0.844652152792630, 2.126816711879257},
        });
    }

    @Test
    void amsGradDividesByTheLargestSecondMomentSoFar() {
        // as adam(), except where v shrinks: element 1 at step 2 (v = 0.75 < vHat = 1) and step 3 (0.8125 < 1)
        assertTrajectory(new Adam(0.1, 0.5, 0.75, 1e-7, Adam.Variant.AMSGRAD), new double[][]{
                {0.900000019999996, 2.099999990000001},
                {0.811808327269515, 2.144095840774826}, // w1 += 0.08819171 * 0.5 / sqrt(1)
                {0.844652152792630, 2.122371691053319}, // element 0 as Adam (v grew); w2 -= 0.08689661 * 0.25 / sqrt(1)
        });
    }

    @Test
    void adamWShrinksTheWeightBeforeTheAdamStep() {
        // adam()'s hyperparameters, wd 0.5: w = 0.95 * w (lr * wd = 0.05), then the same Adam steps
        assertTrajectory(new AdamW(0.1, 0.5, 0.5, 0.75, 1e-7, Adam.Variant.ADAM), new double[][]{
                {0.850000019999996, 1.999999990000001}, // [0.95, 1.9] - [0.1, -0.1]
                {0.719308326269515, 1.950917492342286}, // 0.95 * w1 = [0.80750002, 1.89999999]; - [0.08819171, -0.05091751]
                {0.716186735479154, 1.829270837762142}, // 0.95 * w2 = [0.68334291, 1.85337162]; - [-0.03284383, 0.02410078]
        });
    }

    @Test
    void adagrad() {
        // lr 0.1, accumulator starts at 0.1, eps 1e-7 inside the root
        assertTrajectory(new Adagrad(0.1, 0.1, 1e-7), new double[][]{
                // acc = 0.1 + [1, 4] = [1.1, 4.1]; w -= [0.1 / sqrt(1.1), -0.2 / sqrt(4.1)] = [0.09534625, -0.09877296]
                {0.904653745409361, 2.098772958460411},
                // acc = [1.35, 4.1]; w -= [0.05 / sqrt(1.35), 0] = [0.04303315, 0]
                {0.861620598711988, 2.098772958460411},
                // acc = [2.35, 5.1]; w -= [-0.1 / sqrt(2.35), 0.1 / sqrt(5.1)] = [-0.06523281, 0.04428074]
                {0.926853404629400, 2.054492214617531},
        });
    }
}
