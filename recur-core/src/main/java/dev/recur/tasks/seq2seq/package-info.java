/**
 * Sequence to sequence: an encoder-decoder of recurrent layers, with Bahdanau or Luong attention
 * or without, trained with teacher forcing and decoded step by step (greedy, sampling with a
 * temperature, or {@link dev.recur.inference.BeamSearch}).
 *
 * <p>{@link TextSide} turns source and target texts into ids (characters or words, with start
 * and end tokens); {@link Seq2SeqModel} holds the layers; {@link Seq2SeqTraining} runs the
 * training loop; {@link Translator} puts model, vocabularies and configuration together and is
 * what a model file holds; {@link SequenceScores} has the task metrics (BLEU, chrF, WER, PER).
 *
 * <p>Why not a {@link dev.recur.nn.graph.GraphModel}? Attention takes two inputs (decoder states
 * and encoder outputs) and its weights are wanted for inspection, and decoding runs the decoder
 * one step at a time with carried states; the model is written here directly against the
 * layers' {@code call}/{@code step} APIs instead, with its own training loop.
 */
package dev.recur.tasks.seq2seq;
