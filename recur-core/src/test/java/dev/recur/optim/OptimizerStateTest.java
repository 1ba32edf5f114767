package dev.recur.optim;

import dev.recur.autodiff.Parameter;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Checkpointing: state() then loadState() continues a run bit for bit, and bad states are refused. */
class OptimizerStateTest {

    /** Configurations that between them use every slot of every optimizer. */
    static final List<OptimizerConfig> EVERY_SLOT = List.of(
            new Sgd(0.05, 0.9, Sgd.Variant.NESTEROV, 0.01),
            new RmsProp(0.01, 0.9, 0.5, 1e-7, RmsProp.Variant.CENTERED),
            new Adam(0.01, 0.9, 0.999, 1e-7, Adam.Variant.AMSGRAD),
            AdamW.defaults().withLearningRate(0.01),
            Adagrad.defaults().withLearningRate(0.1));

    static Stream<Arguments> everySlotInEveryType() {
        return EVERY_SLOT.stream().flatMap(c -> Stream.of(DType.values()).map(t -> Arguments.of(c, t)));
    }

    private static List<Parameter> model(DType dtype) {
        var rng = new SplittableRandom(7);
        return List.of(new Parameter("lstm/kernel", Tensor.uniform(rng, dtype, -1, 1, 3, 4)),
                new Parameter("lstm/bias", Tensor.uniform(rng, dtype, -1, 1, 4)));
    }

    /** Steps [from, to) of a run whose gradients depend on the step number only, with a decaying rate. */
    private static void train(Optimizer opt, int from, int to) {
        var schedule = new ExponentialDecay(opt.config().learningRate(), 2, 0.5);
        for (int step = from; step < to; step++) {
            var rng = new SplittableRandom(100 + step);
            opt.zeroGrad();
            for (Parameter p : opt.parameters()) {
                p.backward(Tensor.normal(rng, p.value().dtype(), 0, 1, p.value().shape()));
            }
            opt.setLearningRate(schedule.lr((int) opt.iterations()));
            opt.step();
        }
    }

    @ParameterizedTest
    @MethodSource("everySlotInEveryType")
    void aRestoredRunContinuesBitIdentically(OptimizerConfig config, DType dtype) {
        List<Parameter> original = model(dtype);
        Optimizer uninterrupted = config.build(original);
        train(uninterrupted, 0, 3);
        Map<String, Tensor> checkpoint = uninterrupted.state();
        List<Parameter> restored = original.stream().map(p -> new Parameter(p.name(), p.value().copy())).toList();
        train(uninterrupted, 3, 6);

        Optimizer resumed = config.build(restored);
        resumed.loadState(checkpoint);
        assertEquals(3, resumed.iterations());
        train(resumed, 3, 6);

        for (int i = 0; i < original.size(); i++) {
            Tensor expected = original.get(i).value();
            Tensor actual = restored.get(i).value();
            if (dtype == DType.FLOAT32) {
                assertArrayEquals(expected.floats(), actual.floats(), config + " " + original.get(i).name());
            } else {
                assertArrayEquals(expected.doubles(), actual.doubles(), config + " " + original.get(i).name());
            }
        }
        assertStatesEqual(uninterrupted.state(), resumed.state());
    }

    private static void assertStatesEqual(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String key : expected.keySet()) {
            assertArrayEquals(expected.get(key).toDoubleArray(), actual.get(key).toDoubleArray(), 0.0, key);
        }
    }

    @Test
    void namesTheStateAfterKerasSlotsInAFixedOrder() {
        Parameter w = Grads.param("w", DType.FLOAT32, 1, 2);
        assertEquals(List.of("iterations", "learning_rate", "w/momentum", "w/velocity", "w/velocity_hat"),
                List.copyOf(Adam.defaults().withVariant(Adam.Variant.AMSGRAD).build(List.of(w)).state().keySet()));
        assertEquals(List.of("iterations", "learning_rate", "w/velocity", "w/momentum", "w/average_gradient"),
                List.copyOf(new RmsProp(0.1, 0.9, 0.9, 1e-7, RmsProp.Variant.CENTERED).build(List.of(w)).state().keySet()));
        assertEquals(List.of("iterations", "learning_rate", "w/accumulator"),
                List.copyOf(Adagrad.defaults().build(List.of(w)).state().keySet()));
        assertEquals(List.of("iterations", "learning_rate"), List.copyOf(Sgd.defaults().build(List.of(w)).state().keySet()));
    }

    @Test
    void stateStartsAtZeroAndAdagradsAccumulatorAtItsInitialValue() {
        Parameter w = Grads.param("w", DType.FLOAT64, 1, 2);
        Map<String, Tensor> adagrad = new Adagrad(0.1, 0.25, 1e-7).build(List.of(w)).state();
        assertArrayEquals(new double[]{0.25, 0.25}, adagrad.get("w/accumulator").toDoubleArray(), 0.0);
        Map<String, Tensor> adam = Adam.defaults().build(List.of(w)).state();
        assertEquals(0.0, adam.get(Optimizer.ITERATIONS).item());
        assertEquals(0.001, adam.get(Optimizer.LEARNING_RATE).item());
        assertArrayEquals(new double[]{0, 0}, adam.get("w/velocity").toDoubleArray(), 0.0);
    }

    @Test
    void anExportedStateIsASnapshot() {
        Parameter w = Grads.param("w", DType.FLOAT32, 1, 2);
        Optimizer opt = Adam.defaults().build(List.of(w));
        Map<String, Tensor> before = opt.state();
        Grads.set(w, 1, 1);
        opt.step();
        assertArrayEquals(new double[]{0, 0}, before.get("w/momentum").toDoubleArray(), 0.0);
        assertEquals(0.0, before.get(Optimizer.ITERATIONS).item());
        assertEquals(1.0, opt.state().get(Optimizer.ITERATIONS).item());
    }

    // ---- refused states ----------------------------------------------------------------------

    private static Optimizer adamOverW() {
        return Adam.defaults().build(List.of(Grads.param("w", DType.FLOAT32, 1, 2)));
    }

    private static Map<String, Tensor> validAdamState() {
        Map<String, Tensor> s = new HashMap<>(adamOverW().state());
        s.put(Optimizer.ITERATIONS, Tensor.scalar(DType.FLOAT64, 5));
        s.put(Optimizer.LEARNING_RATE, Tensor.scalar(DType.FLOAT64, 0.02)); // say, lowered by reduce-on-plateau
        s.put("w/momentum", Tensor.of(new float[]{0.5f, 0.25f}, 2));
        return s;
    }

    private static String refusal(Map<String, Tensor> state) {
        Optimizer opt = adamOverW();
        Map<String, Tensor> before = opt.state();
        var e = assertThrows(IllegalArgumentException.class, () -> opt.loadState(state));
        assertStatesEqual(before, opt.state()); // a refused state changes nothing
        return e.getMessage();
    }

    @Test
    void loadsAValidState() {
        Optimizer opt = adamOverW();
        opt.loadState(validAdamState());
        assertEquals(5, opt.iterations());
        assertEquals(0.02, opt.learningRate());
        assertArrayEquals(new double[]{0.5, 0.25}, opt.state().get("w/momentum").toDoubleArray(), 0.0);
    }

    @Test
    void refusesMissingAndUnexpectedEntries() {
        Map<String, Tensor> s = validAdamState();
        s.remove("w/velocity");
        s.put("w/accumulator", Tensor.zeros(2));
        assertEquals("Adam.loadState: the state does not match this optimizer (Adam[learningRate=0.001, beta1=0.9,"
                + " beta2=0.999, epsilon=1.0E-7, variant=ADAM] over 1 parameters): missing [w/velocity],"
                + " unexpected [w/accumulator]. Possible cause: it was saved by another optimizer or configuration,"
                + " or for a model with other parameter names", refusal(s));
    }

    @Test
    void refusesASlotOfAnotherShapeOrType() {
        Map<String, Tensor> s = validAdamState();
        s.put("w/velocity", Tensor.zeros(3));
        assertEquals("Adam.loadState: 'w/velocity' is float32 [3] but parameter 'w' is float32 [2]."
                + " Possible cause: the model was built with other sizes or types", refusal(s));
        s.put("w/velocity", Tensor.zeros(DType.FLOAT64, 2));
        assertEquals("Adam.loadState: 'w/velocity' is float64 [2] but parameter 'w' is float32 [2]."
                + " Possible cause: the model was built with other sizes or types", refusal(s));
    }

    @Test
    void refusesAStepCountThatIsNotAWholeNumber() {
        Map<String, Tensor> s = validAdamState();
        s.put(Optimizer.ITERATIONS, Tensor.scalar(DType.FLOAT64, 2.5));
        assertEquals("Adam.loadState: 'iterations' must be a whole number >= 0 but got 2.5", refusal(s));
        s.put(Optimizer.ITERATIONS, Tensor.zeros(DType.FLOAT64, 2));
        assertEquals("Adam.loadState: 'iterations' must hold one value but has shape [2]", refusal(s));
    }

    @Test
    void refusesANegativeLearningRate() {
        Map<String, Tensor> s = validAdamState();
        s.put(Optimizer.LEARNING_RATE, Tensor.scalar(DType.FLOAT64, -1));
        assertEquals("Adam.loadState: 'learning_rate' must be >= 0 and finite but got -1", refusal(s));
    }
}
