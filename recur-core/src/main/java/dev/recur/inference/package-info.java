/**
 * Inference on trained models: decoding strategies that run a model step by step with carried
 * state, such as {@link dev.recur.inference.BeamSearch}.
 */
package dev.recur.inference;
