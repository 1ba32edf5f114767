package dev.recur.optim;

import dev.recur.autodiff.Parameter;

import java.util.List;

/**
 * The hyperparameters of an optimizer: an immutable, validated record ({@link Sgd},
 * {@link RmsProp}, {@link Adam}, {@link AdamW}, {@link Adagrad}). {@link #build} turns it into
 * the stateful {@link Optimizer} for a list of parameters:
 *
 * <pre>{@code
 * Optimizer opt = Adam.defaults().withLearningRate(3e-4).build(model.parameters());
 * }</pre>
 */
public sealed interface OptimizerConfig permits Sgd, RmsProp, Adam, AdamW, Adagrad {

    /** The learning rate the optimizer starts with (a schedule may change it per step). */
    double learningRate();

    /** A fresh optimizer over these parameters, its state zeroed (Adagrad: its initial accumulator). */
    Optimizer build(List<? extends Parameter> parameters);
}
