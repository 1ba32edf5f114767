package dev.recur.cli;

import dev.recur.bench.FraEngBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code recur bench fra-eng}: character-level English to French; BLEU and chrF with and without attention. */
@Command(name = "fra-eng", mixinStandardHelpOptions = true, description = {
        "Character-level English to French ($RECUR_DATA/fra-eng/fra-eng-30k.txt), 5% held out by English sentence;"
                + " corpus BLEU-4, chrF and BLEU by source length, greedy decoding."})
final class FraEngBenchCommand implements Callable<Integer> {

    @Mixin
    Seq2SeqBenchOptions options;

    @Option(names = "--data", paramLabel = "FILE", description = "The pairs (default: $RECUR_DATA/fra-eng/fra-eng-30k.txt).")
    Path data;

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "30000",
            description = "Use the first N pairs (default: ${DEFAULT-VALUE}).")
    int pairs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        FraEngBench.run(DataPaths.resolve(data, "fra-eng/fra-eng-30k.txt"), pairs,
                options.settings(FraEngBench.DEFAULTS),
                options.progress(spec.commandLine().getErr()), options.results(spec.commandLine().getOut()));
        return 0;
    }
}
