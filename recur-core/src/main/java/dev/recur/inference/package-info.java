/**
 * Inference with trained recurrent models: picking tokens from a model's output and generating
 * sequences step by step with carried state.
 *
 * <ul>
 *   <li>{@link dev.recur.inference.Sampler}: greedy, temperature, top-k and top-p (nucleus)
 *       sampling from one row of logits, seeded by the caller's generator; reusable by any
 *       decoder (text generation, translation).</li>
 *   <li>{@link dev.recur.inference.TokenStepper}: feeds token ids one at a time through a model
 *       with {@link dev.recur.nn.rnn.Stepper}, so each new token costs one step, never a re-run of
 *       the prefix.</li>
 *   <li>{@link dev.recur.inference.TextGenerator}: a language model and its tokenizer: primes with
 *       a start text, samples until a length or a stop string, streams each token as it is
 *       sampled.</li>
 *   <li>{@link dev.recur.inference.BeamSearch}: beam search over any step function (width,
 *       length normalisation, end-token handling), used by sequence-to-sequence decoding.</li>
 * </ul>
 *
 * <p>Depends on {@code dev.recur.nn} and {@code dev.recur.data} only.
 */
package dev.recur.inference;
