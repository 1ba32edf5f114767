package dev.recur.optim;

import dev.recur.autodiff.Parameter;
import dev.recur.tensor.DType;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Named.named;

/** Every argument check, by its message: owner, argument, expected range, received value. */
class ValidationTest {

    private static Arguments refused(String message, Executable action) {
        return Arguments.of(named(message, message), action);
    }

    static Stream<Arguments> badArguments() {
        Parameter w = Grads.param("w", DType.FLOAT32, 1);
        var plateau = ReduceLrOnPlateau.Config.defaults();
        return Stream.of(
                refused("Sgd: learningRate must be > 0 and finite but got 0", () -> Sgd.defaults().withLearningRate(0)),
                refused("Sgd: learningRate must be > 0 and finite but got Infinity",
                        () -> Sgd.defaults().withLearningRate(Double.POSITIVE_INFINITY)),
                refused("Sgd: momentum must be in [0, 1) but got 1", () -> Sgd.defaults().withMomentum(1)),
                refused("Sgd: momentum must be in [0, 1) but got NaN", () -> Sgd.defaults().withMomentum(Double.NaN)),
                refused("Sgd: variant must be CLASSICAL or NESTEROV but got null", () -> Sgd.defaults().withVariant(null)),
                refused("Sgd: weightDecay must be >= 0 and finite but got -0.1", () -> Sgd.defaults().withWeightDecay(-0.1)),
                refused("RmsProp: learningRate must be > 0 and finite but got -1", () -> RmsProp.defaults().withLearningRate(-1)),
                refused("RmsProp: rho must be in [0, 1) but got 1.5", () -> RmsProp.defaults().withRho(1.5)),
                refused("RmsProp: momentum must be in [0, 1) but got -0.5", () -> RmsProp.defaults().withMomentum(-0.5)),
                refused("RmsProp: epsilon must be > 0 and finite but got 0", () -> RmsProp.defaults().withEpsilon(0)),
                refused("RmsProp: variant must be UNCENTERED or CENTERED but got null", () -> RmsProp.defaults().withVariant(null)),
                refused("Adam: learningRate must be > 0 and finite but got NaN", () -> Adam.defaults().withLearningRate(Double.NaN)),
                refused("Adam: beta1 must be in [0, 1) but got 1", () -> Adam.defaults().withBeta1(1)),
                refused("Adam: beta2 must be in [0, 1) but got -0.001", () -> Adam.defaults().withBeta2(-0.001)),
                refused("Adam: epsilon must be > 0 and finite but got -1.0E-7", () -> Adam.defaults().withEpsilon(-1e-7)),
                refused("Adam: variant must be ADAM or AMSGRAD but got null", () -> Adam.defaults().withVariant(null)),
                refused("AdamW: beta2 must be in [0, 1) but got 1", () -> AdamW.defaults().withBeta2(1)),
                refused("AdamW: weightDecay must be >= 0 and finite but got -0.004", () -> AdamW.defaults().withWeightDecay(-0.004)),
                refused("Adagrad: learningRate must be > 0 and finite but got 0", () -> Adagrad.defaults().withLearningRate(0)),
                refused("Adagrad: initialAccumulatorValue must be >= 0 and finite but got -0.1",
                        () -> Adagrad.defaults().withInitialAccumulatorValue(-0.1)),
                refused("Adagrad: epsilon must be > 0 and finite but got 0", () -> Adagrad.defaults().withEpsilon(0)),
                refused("Adam: learningRate must be >= 0 and finite but got -0.001",
                        () -> Adam.defaults().build(List.of(w)).setLearningRate(-0.001)),
                // schedules
                refused("LearningRateSchedule.constant: learningRate must be > 0 and finite but got 0",
                        () -> LearningRateSchedule.constant(0)),
                refused("LearningRateSchedule.constant: step must be >= 0 but got -1", () -> LearningRateSchedule.constant(1).lr(-1)),
                refused("StepDecay: initialLearningRate must be > 0 and finite but got 0", () -> new StepDecay(0, 10, 0.5)),
                refused("StepDecay: stepSize must be > 0 but got 0", () -> new StepDecay(0.1, 0, 0.5)),
                refused("StepDecay: factor must be in (0, 1] but got 1.5", () -> new StepDecay(0.1, 10, 1.5)),
                refused("StepDecay: step must be >= 0 but got -3", () -> new StepDecay(0.1, 10, 0.5).lr(-3)),
                refused("ExponentialDecay: initialLearningRate must be > 0 and finite but got -0.1",
                        () -> new ExponentialDecay(-0.1, 10, 0.5)),
                refused("ExponentialDecay: decaySteps must be > 0 but got -10", () -> new ExponentialDecay(0.1, -10, 0.5)),
                refused("ExponentialDecay: decayRate must be in (0, 1] but got 0", () -> new ExponentialDecay(0.1, 10, 0)),
                refused("ExponentialDecay: step must be >= 0 but got -1", () -> new ExponentialDecay(0.1, 10, 0.5).lr(-1)),
                refused("CosineDecay: initialLearningRate must be >= 0 and finite but got -1", () -> CosineDecay.of(-1, 100)),
                refused("CosineDecay: decaySteps must be > 0 but got 0", () -> CosineDecay.of(0.1, 0)),
                refused("CosineDecay: alpha must be in [0, 1] but got 1.5", () -> CosineDecay.of(0.1, 100).withAlpha(1.5)),
                refused("CosineDecay: warmupSteps must be >= 0 but got -5", () -> CosineDecay.of(0.1, 100).withWarmup(-5, 0.1)),
                refused("CosineDecay: warmupTarget must be >= 0 and finite but got NaN",
                        () -> CosineDecay.of(0.1, 100).withWarmup(5, Double.NaN)),
                refused("CosineDecay: step must be >= 0 but got -1", () -> CosineDecay.of(0.1, 100).lr(-1)),
                // reduce on plateau
                refused("ReduceLrOnPlateau: mode must be MIN or MAX but got null", () -> plateau.withMode(null)),
                refused("ReduceLrOnPlateau: factor must be in (0, 1) but got 1", () -> plateau.withFactor(1)),
                refused("ReduceLrOnPlateau: factor must be in (0, 1) but got 0", () -> plateau.withFactor(0)),
                refused("ReduceLrOnPlateau: patience must be >= 0 but got -1", () -> plateau.withPatience(-1)),
                refused("ReduceLrOnPlateau: minDelta must be >= 0 and finite but got -1.0E-4", () -> plateau.withMinDelta(-1e-4)),
                refused("ReduceLrOnPlateau: cooldown must be >= 0 but got -2", () -> plateau.withCooldown(-2)),
                refused("ReduceLrOnPlateau: minLr must be >= 0 and finite but got -1", () -> plateau.withMinLr(-1)),
                refused("ReduceLrOnPlateau.update: learningRate must be >= 0 and finite but got NaN",
                        () -> new ReduceLrOnPlateau(plateau).update(1.0, Double.NaN)),
                refused("ReduceLrOnPlateau.State: best must be a number or an infinity but got NaN",
                        () -> new ReduceLrOnPlateau.State(Double.NaN, 0, 0)),
                refused("ReduceLrOnPlateau.State: badEpochs must be >= 0 but got -1", () -> new ReduceLrOnPlateau.State(1, -1, 0)),
                refused("ReduceLrOnPlateau.State: cooldownCounter must be >= 0 but got -1",
                        () -> new ReduceLrOnPlateau.State(1, 0, -1)),
                // clipping
                refused("GradientClipping.byValue: limit must be > 0 and finite but got 0", () -> GradientClipping.byValue(0)),
                refused("GradientClipping.byNorm: maxNorm must be > 0 and finite but got -1", () -> GradientClipping.byNorm(-1)),
                refused("GradientClipping.byGlobalNorm: maxNorm must be > 0 and finite but got Infinity",
                        () -> GradientClipping.byGlobalNorm(Double.POSITIVE_INFINITY)));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void refuses(String message, Executable action) {
        var e = assertThrows(IllegalArgumentException.class, action);
        assertEquals(message, e.getMessage());
    }
}
