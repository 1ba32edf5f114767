package dev.recur.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The defaults are Keras 3's (keras/src/optimizers/*.py, keras/src/callbacks/reduce_lr_on_plateau.py). */
class DefaultsTest {

    @Test
    void sgd() {
        assertEquals(new Sgd(0.01, 0.0, Sgd.Variant.CLASSICAL, 0.0), Sgd.defaults());
    }

    @Test
    void rmsProp() {
        assertEquals(new RmsProp(0.001, 0.9, 0.0, 1e-7, RmsProp.Variant.UNCENTERED), RmsProp.defaults());
    }

    @Test
    void adam() {
        assertEquals(new Adam(0.001, 0.9, 0.999, 1e-7, Adam.Variant.ADAM), Adam.defaults());
    }

    @Test
    void adamW() {
        assertEquals(new AdamW(0.001, 0.004, 0.9, 0.999, 1e-7, Adam.Variant.ADAM), AdamW.defaults());
    }

    @Test
    void adagrad() {
        assertEquals(new Adagrad(0.001, 0.1, 1e-7), Adagrad.defaults());
    }

    @Test
    void cosineDecay() {
        assertEquals(new CosineDecay(0.1, 100, 0.0, 0, 0.1), CosineDecay.of(0.1, 100));
    }

    @Test
    void reduceLrOnPlateau() {
        assertEquals(new ReduceLrOnPlateau.Config(ReduceLrOnPlateau.Mode.MIN, 0.1, 10, 1e-4, 0, 0.0),
                ReduceLrOnPlateau.Config.defaults());
    }

    @Test
    void withersChangeOneSettingOnly() {
        assertEquals(new Sgd(0.5, 0.9, Sgd.Variant.NESTEROV, 0.01),
                Sgd.defaults().withLearningRate(0.5).withMomentum(0.9).withVariant(Sgd.Variant.NESTEROV).withWeightDecay(0.01));
        assertEquals(new RmsProp(0.5, 0.8, 0.7, 1e-6, RmsProp.Variant.CENTERED), RmsProp.defaults().withLearningRate(0.5)
                .withRho(0.8).withMomentum(0.7).withEpsilon(1e-6).withVariant(RmsProp.Variant.CENTERED));
        assertEquals(new Adam(0.5, 0.8, 0.7, 1e-6, Adam.Variant.AMSGRAD), Adam.defaults().withLearningRate(0.5)
                .withBeta1(0.8).withBeta2(0.7).withEpsilon(1e-6).withVariant(Adam.Variant.AMSGRAD));
        assertEquals(new AdamW(0.5, 0.1, 0.8, 0.7, 1e-6, Adam.Variant.AMSGRAD), AdamW.defaults().withLearningRate(0.5)
                .withWeightDecay(0.1).withBeta1(0.8).withBeta2(0.7).withEpsilon(1e-6).withVariant(Adam.Variant.AMSGRAD));
        assertEquals(new Adagrad(0.5, 0.0, 1e-6),
                Adagrad.defaults().withLearningRate(0.5).withInitialAccumulatorValue(0.0).withEpsilon(1e-6));
        assertEquals(new CosineDecay(0.0, 100, 0.1, 10, 0.5), CosineDecay.of(0.0, 100).withAlpha(0.1).withWarmup(10, 0.5));
        assertEquals(new ReduceLrOnPlateau.Config(ReduceLrOnPlateau.Mode.MAX, 0.5, 2, 0.0, 1, 1e-5),
                ReduceLrOnPlateau.Config.defaults().withMode(ReduceLrOnPlateau.Mode.MAX).withFactor(0.5).withPatience(2)
                        .withMinDelta(0.0).withCooldown(1).withMinLr(1e-5));
    }
}
