package dev.recur.cli;

import dev.recur.tasks.seq2seq.Translation;
import dev.recur.tasks.seq2seq.Translator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code recur translate}: translate a text with a trained translator; {@code translate train} makes one. */
@Command(name = "translate", mixinStandardHelpOptions = true, subcommands = TranslateTrainCommand.class,
        description = {"Translate a text with a model from 'recur translate train' (greedy, or beam search with --beam)."})
final class TranslateCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", description = "The translator file.")
    Path model;

    @Option(names = "--text", paramLabel = "TEXT", description = "The text to translate.")
    String text;

    @Option(names = "--beam", paramLabel = "N", defaultValue = "1",
            description = "Beam width; 1 is greedy (default: ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--attention-map", paramLabel = "FILE", description = "Write the attention weights as a PNG or SVG heatmap.")
    Path attentionMap;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (model == null || text == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "translate needs --model FILE and --text TEXT (or: recur translate train ... to make a model)");
        }
        if (beam < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--beam must be at least 1, got " + beam);
        }
        Translation t = Translator.load(model).translate(text, beam);
        PrintWriter out = spec.commandLine().getOut();
        out.println(t.text());
        out.flush();
        if (attentionMap != null) {
            AttentionMap.write(t, attentionMap);
        }
        return 0;
    }
}
