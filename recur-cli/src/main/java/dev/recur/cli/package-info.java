/**
 * The {@code recur} command (picocli): options in, calls into the library, results out. The global
 * {@code --threads N} sets the kernels' thread count for every subcommand.
 */
package dev.recur.cli;
