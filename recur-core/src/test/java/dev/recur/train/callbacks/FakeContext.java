package dev.recur.train.callbacks;

import dev.recur.nn.BuildContext;
import dev.recur.nn.Dense;
import dev.recur.nn.Model;
import dev.recur.nn.Sequential;
import dev.recur.optim.Optimizer;
import dev.recur.tensor.DType;
import dev.recur.train.FitOptions;
import dev.recur.train.History;
import dev.recur.train.TrainingContext;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** A run seen by a callback without training: fixed log keys, a small built model, stop requests recorded. */
final class FakeContext implements TrainingContext {

    final Sequential model = new Sequential(new Dense(2));
    final List<String> keys;
    String stopReason;

    FakeContext(String... keys) {
        this.keys = List.of(keys);
        model.build(new BuildContext(DType.FLOAT32, new SplittableRandom(1)), 3);
    }

    /** Sets every weight to {@code value}, so that an epoch's weights are recognizable. */
    void setWeights(double value) {
        model.parameters().forEach(p -> p.value().fill(value));
    }

    double weight() {
        return model.parameters().getFirst().value().getFlat(0);
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public Optimizer optimizer() {
        throw new UnsupportedOperationException();
    }

    @Override
    public FitOptions options() {
        return FitOptions.defaults().withSeed(3).withData("fake");
    }

    @Override
    public int trainSamples() {
        return 10;
    }

    @Override
    public int validationSamples() {
        return 0;
    }

    @Override
    public int stepsPerEpoch() {
        return 1;
    }

    @Override
    public List<String> logKeys() {
        return keys;
    }

    @Override
    public History history() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stopTraining(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    @Override
    public Optional<CheckpointInfo> lastCheckpoint() {
        return Optional.empty();
    }
}
