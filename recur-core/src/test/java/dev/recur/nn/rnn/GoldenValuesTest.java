package dev.recur.nn.rnn;

import dev.recur.autodiff.Variable;
import dev.recur.nn.Activation;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * One step of each cell from constant weights, computed on paper: every kernel and recurrent
 * weight 0.1, two input features x = (1, 1), two units, and biases that differ per gate block so
 * that any other gate order gives other numbers. Run in float32 (the fused kernels) and float64
 * (the reference cells). sigma(v) = 1 / (1 + e^-v).
 */
class GoldenValuesTest {

    private static final Tensor X = Tensor.of(new double[]{1, 1}, 1, 1, 2); // [B=1, T=1, in=2]

    @ParameterizedTest
    @EnumSource(DType.class)
    void lstm(DType dtype) {
        // bias blocks i, f, c, o = 0.1, 0.2, 0.3, 0.4; h0 = 0, c0 = 1
        // z = x W + h0 U + b = (1 * 0.1 + 1 * 0.1) + 0 + b = 0.2 + b  ->  z_i 0.3, z_f 0.4, z_c 0.5, z_o 0.6
        // i = sigma(0.3) = 0.574443, f = sigma(0.4) = 0.598688, g = tanh(0.5) = 0.462117, o = sigma(0.6) = 0.645656
        // c = f * 1 + i * g = 0.598688 + 0.265461 = 0.864147
        // h = o * tanh(c) = 0.645656 * 0.698387 = 0.450919
        RecurrentOutput out = lstm(dtype, LstmConfig.of(2, 2), 0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4);
        assertValues(dtype, out.sequence(), 0.4509188453027776, 0.4509188453027776);
        assertValues(dtype, out.last().c(), 0.8641474029907412, 0.8641474029907412);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void lstmPeepholes(DType dtype) {
        // as above with every peephole weight 0.1: i and f see 0.1 * c0 = 0.1, o sees 0.1 * c_t
        // i = sigma(0.4) = 0.598688, f = sigma(0.5) = 0.622459, g = 0.462117
        // c = 0.622459 + 0.598688 * 0.462117 = 0.899123
        // o = sigma(0.6 + 0.0899123) = 0.665947, h = o * tanh(c) = 0.665947 * 0.715874 = 0.476732
        RecurrentOutput out = lstm(dtype, LstmConfig.of(2, 2).withPeepholes(), 0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4);
        assertValues(dtype, out.sequence(), 0.47673221885224426, 0.47673221885224426);
        assertValues(dtype, out.last().c(), 0.8991231707796679, 0.8991231707796679);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void lstmCoupledInputForget(DType dtype) {
        // gates i, c, o with bias blocks 0.1, 0.3, 0.4: z_i 0.3, z_c 0.5, z_o 0.6
        // i = 0.574443, f = 1 - i = 0.425557, c = 0.425557 * 1 + 0.574443 * 0.462117 = 0.691017
        // h = sigma(0.6) * tanh(0.691017) = 0.645656 * 0.598630 = 0.386513
        RecurrentOutput out = lstm(dtype, LstmConfig.of(2, 2).withCoupledInputForget(), 0.1, 0.1, 0.3, 0.3, 0.4, 0.4);
        assertValues(dtype, out.sequence(), 0.386512518963467, 0.386512518963467);
        assertValues(dtype, out.last().c(), 0.6910172260666302, 0.6910172260666302);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void lstmCellClip(DType dtype) {
        // the standard step's c = 0.864147 is clipped to 0.5; h = sigma(0.6) * tanh(0.5) = 0.645656 * 0.462117
        RecurrentOutput out = lstm(dtype, LstmConfig.of(2, 2).withCellClip(0.5), 0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4);
        assertValues(dtype, out.sequence(), 0.2983688568000629, 0.2983688568000629);
        assertValues(dtype, out.last().c(), 0.5, 0.5);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void gruResetAfter(DType dtype) {
        // bias [2, 3h]: input blocks z, r, h = 0.1, 0.2, 0.3; recurrent blocks 0.4, 0.5, 0.6; h0 = 0.5
        // x W + b = 0.2 + (0.1, 0.2, 0.3);  h0 U + bU = (0.5 * 0.1 * 2) + (0.4, 0.5, 0.6) = (0.5, 0.6, 0.7)
        // z = sigma(0.3 + 0.5) = 0.689974, r = sigma(0.4 + 0.6) = 0.731059
        // h~ = tanh(0.5 + r * 0.7) = tanh(1.011741) = 0.766481
        // h = z * 0.5 + (1 - z) * h~ = 0.344987 + 0.237629 = 0.582616
        GruCell cell = new GruCell(GruConfig.of(2, 2), gruWeights(dtype, GruConfig.of(2, 2),
                0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4, 0.5, 0.5, 0.6, 0.6));
        RecurrentOutput out = cell.run(x(dtype), null, Direction.FORWARD, State.of(full(dtype, 0.5)));
        assertValues(dtype, out.sequence(), 0.582615957825382, 0.582615957825382);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void gruResetBefore(DType dtype) {
        // bias [3h] blocks z, r, h = 0.1, 0.2, 0.3; h0 = 0.5
        // z = sigma(0.3 + 0.1) = 0.598688, r = sigma(0.4 + 0.1) = 0.622459
        // h~ = tanh(0.5 + (r * h0) U_h) = tanh(0.5 + 2 * 0.311230 * 0.1) = tanh(0.562246) = 0.509642
        // h = z * 0.5 + (1 - z) * h~ = 0.299344 + 0.204526 = 0.503869
        GruConfig config = GruConfig.of(2, 2).withResetBefore();
        GruCell cell = new GruCell(config, gruWeights(dtype, config, 0.1, 0.1, 0.2, 0.2, 0.3, 0.3));
        RecurrentOutput out = cell.run(x(dtype), null, Direction.FORWARD, State.of(full(dtype, 0.5)));
        assertValues(dtype, out.sequence(), 0.5038694219745015, 0.5038694219745015);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void simpleRnn(DType dtype) {
        // W = U = b = 0.1, h0 = 0.5: z = 0.2 + 2 * 0.5 * 0.1 + 0.1 = 0.4; tanh(0.4) = 0.379949, relu: 0.4
        for (Activation act : new Activation[]{Activation.TANH, Activation.RELU}) {
            SimpleRnnConfig config = new SimpleRnnConfig(2, 2, act);
            SimpleRnnCell cell = new SimpleRnnCell(config,
                    SimpleRnnWeights.create(config, "rnn", WeightInit.constant(dtype, 0.1)));
            RecurrentOutput out = cell.run(x(dtype), null, Direction.FORWARD, State.of(full(dtype, 0.5)));
            double expected = act == Activation.TANH ? 0.3799489622552249 : 0.4;
            assertValues(dtype, out.sequence(), expected, expected);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void layerNormalizedSimpleRnn(DType dtype) {
        // kernel columns 0.1 and 0.3, h0 = 0: z = x W = (0.2, 0.6); mean 0.4, variance 0.04
        // LN(z) = gamma * (z - 0.4) / sqrt(0.04 + 0.001) + beta = (1 * -0.987730 + 0.1, 0.5 * 0.987730 - 0.1)
        //       = (-0.887730, 0.393865);  h = tanh(LN(z)) = (-0.710271, 0.374687)
        SimpleRnnConfig config = SimpleRnnConfig.of(2, 2).withLayerNorm();
        SimpleRnnWeights w = new SimpleRnnWeights(
                Variable.constant(Tensor.of(new double[]{0.1, 0.3, 0.1, 0.3}, 2, 2).to(dtype)),
                Variable.constant(Tensor.full(dtype, 0.7, 2, 2)), null,
                Variable.constant(Tensor.of(new double[]{1, 0.5}, 2).to(dtype)),
                Variable.constant(Tensor.of(new double[]{0.1, -0.1}, 2).to(dtype)));
        RecurrentOutput out = new SimpleRnnCell(config, w).run(x(dtype), null, Direction.FORWARD, null);
        assertValues(dtype, out.sequence(), -0.7102705243417287, 0.37468724636563716);
    }

    private static RecurrentOutput lstm(DType dtype, LstmConfig config, double... bias) {
        LstmWeights w = LstmWeights.create(config, "lstm", WeightInit.constant(dtype, 0.1));
        w.bias().value().copyFrom(Tensor.of(bias, bias.length));
        LstmCell cell = new LstmCell(config, w);
        return cell.run(x(dtype), null, Direction.FORWARD, State.of(full(dtype, 0), full(dtype, 1)));
    }

    private static GruWeights gruWeights(DType dtype, GruConfig config, double... bias) {
        GruWeights w = GruWeights.create(config, "gru", WeightInit.constant(dtype, 0.1));
        w.bias().value().copyFrom(Tensor.of(bias, config.biasShape()));
        return w;
    }

    private static Variable x(DType dtype) {
        return Variable.constant(X.to(dtype));
    }

    private static Variable full(DType dtype, double v) {
        return Variable.constant(Tensor.full(dtype, v, 1, 2));
    }

    private static void assertValues(DType dtype, Variable v, double... expected) {
        double tolerance = dtype == DType.FLOAT32 ? 1e-6 : 1e-14;
        assertArrayEquals(expected, v.value().toDoubleArray(), tolerance, dtype + " " + v.value());
    }
}
