/**
 * The {@code recur} command (picocli): options in, calls into the library, results out. The global
 * {@code --threads N} sets the kernels' thread count for every subcommand.
 *
 * <ul>
 *   <li>Training commands mix in {@link dev.recur.cli.TrainingOptions} (epochs, batch size,
 *       optimizer, clipping, seed, checkpoints and {@code --resume}, history files, early
 *       stopping, quiet), which {@link dev.recur.cli.TrainingOptions#prepare} checks and turns
 *       into a {@link dev.recur.cli.TrainingRun}: fit options, optimizer, callbacks, and after
 *       training the saved model and the printed results.</li>
 *   <li>{@code ProgressListener} shows progress: a Keras-style bar per epoch on a terminal
 *       ({@code EpochBar} drawn on a {@code TerminalLine}), one line per epoch otherwise.</li>
 *   <li>{@code HistoryFiles} writes {@code history.csv}, {@code history.json} and the training
 *       curves ({@link dev.recur.cli.Plots}).</li>
 *   <li>{@code train}, {@code evaluate} and {@code predict} read {@code --data} through
 *       {@code DataOptions} / {@code Dataset} (safetensors {@code x}, {@code y}, or CSV columns) and
 *       compile with {@code CompileOptions} ({@code --loss}, {@code --from-logits},
 *       {@code --metrics}).</li>
 * </ul>
 *
 * <p>A user's mistake (a bad option, a missing or malformed file) is an
 * {@code IllegalArgumentException} whose message names the option or file and the fix; the
 * command prints it without a stack trace and exits with code 2.
 */
package dev.recur.cli;
