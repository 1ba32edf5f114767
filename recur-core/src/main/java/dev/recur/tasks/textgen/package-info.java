/**
 * Character- and word-level language models trained on books and sampled with temperature
 * (the curriculum's "write like Shakespeare" demo, as a library API).
 *
 * <ul>
 *   <li>{@link dev.recur.tasks.textgen.TextFiles}: reads a book, refusing empty and binary files.</li>
 *   <li>{@link dev.recur.tasks.textgen.LmData}: the text as token ids, validation taken from its
 *       end; stateless training windows (n + 1 tokens cut into inputs and targets shifted by one,
 *       shuffled by the trainer) or stateful streams (the text cut into batch-many contiguous
 *       streams, trained with truncated BPTT so the state flows from window to window).</li>
 *   <li>{@link dev.recur.tasks.textgen.LanguageModel}: a model with its tokenizer, the default
 *       architecture, and a model file that carries the tokenizer so the model always decodes
 *       with its own vocabulary.</li>
 *   <li>{@link dev.recur.tasks.textgen.TextTraining}: training for a number of epochs or minutes
 *       of wall time, with samples at a few temperatures along the way.</li>
 * </ul>
 * Sampling itself is {@link dev.recur.inference}.
 */
package dev.recur.tasks.textgen;
