/**
 * Model specification strings for the CLI, with Keras layer and argument names:
 * {@code "Input(5, 1) LSTM(3, return_sequences=true) TimeDistributed(Dense(1))"}. The parser makes
 * {@link dev.recur.nn.spec.SpecNode}s; {@link dev.recur.nn.spec.LayerRegistry} turns them into layers.
 */
package dev.recur.nn.spec;
