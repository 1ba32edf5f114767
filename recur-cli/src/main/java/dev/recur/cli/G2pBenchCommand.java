package dev.recur.cli;

import dev.recur.bench.G2pBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code recur bench g2p}: grapheme to phoneme on CMUdict; word and phoneme error rates. */
@Command(name = "g2p", mixinStandardHelpOptions = true, description = {
        "Grapheme to phoneme on CMUdict ($RECUR_DATA/cmudict/cmudict.tsv): a 90/5/5 split by word (hash), greedy"
                + " and beam decoding; WER (a word is right if it equals any of its pronunciations) and PER."})
final class G2pBenchCommand implements Callable<Integer> {

    @Mixin
    Seq2SeqBenchOptions options;

    @Option(names = "--data", paramLabel = "FILE", description = "The dictionary (default: $RECUR_DATA/cmudict/cmudict.tsv).")
    Path data;

    @Option(names = "--train-words", paramLabel = "N", defaultValue = "2147483647",
            description = "Train on the first N training words only (default: all).")
    int trainWords;

    @Option(names = "--test-words", paramLabel = "N", defaultValue = "2147483647",
            description = "Score the first N test words only (default: all).")
    int testWords;

    @Option(names = "--beam", paramLabel = "N", defaultValue = "5",
            description = "Also decode with beam search of width N (1: greedy only; default: ${DEFAULT-VALUE}).")
    int beam;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        G2pBench.run(DataPaths.resolve(data, "cmudict/cmudict.tsv"), trainWords, testWords, beam,
                options.settings(G2pBench.DEFAULTS),
                options.progress(spec.commandLine().getErr()), options.results(spec.commandLine().getOut()));
        return 0;
    }
}
