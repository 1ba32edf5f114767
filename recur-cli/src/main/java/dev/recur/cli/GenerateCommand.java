package dev.recur.cli;

import dev.recur.inference.Sampler;
import dev.recur.inference.TextGenerator;
import dev.recur.tasks.textgen.LanguageModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/** {@code recur generate}: samples text from a model saved by {@code textgen}, streaming it as it is sampled. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write text with a language model saved by textgen: the prime text is fed once, then each sampled",
                "token is fed back (one step per token, state carried) and printed at once."},
        footer = {"", "Examples:",
                "  recur generate --model shakespeare.safetensors --prime \"ROMEO:\" --length 500 --temperature 0.8",
                "  recur generate --model shakespeare.safetensors --prime \"JULIET:\" --top-p 0.9 --seed 7 --stop \"\\n\\n\""})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model file written by textgen.")
    Path model;

    @Option(names = "--prime", required = true, paramLabel = "TEXT",
            description = "The start text; every character (word) must be in the model's vocabulary.")
    String prime;

    @Option(names = "--length", paramLabel = "N", defaultValue = "500",
            description = "Tokens to sample: characters or words (default: ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1.0",
            description = "Softmax temperature, > 0: low is safe and repetitive, high is inventive (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", paramLabel = "K", description = "Sample only among the K most likely tokens.")
    Integer topK;

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling: only the most likely tokens whose "
            + "probabilities add up to P, in (0, 1].")
    Double topP;

    @Option(names = "--greedy", description = "Always take the most likely token (no sampling).")
    boolean greedy;

    @Option(names = "--stop", paramLabel = "TEXT", description = "Stop once the generated text contains TEXT "
            + "(escapes \\n and \\t are understood).")
    String stop;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for a reproducible sample (default: a random one).")
    Long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Sampler sampler;
        try {
            if (greedy) {
                sampler = Sampler.greedy();
            } else {
                Sampler.Stochastic s = Sampler.temperature(temperature);
                s = topK == null ? s : s.withTopK(topK);
                sampler = topP == null ? s : s.withTopP(topP);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("Sampler: temperature", "--temperature")
                    .replace("Sampler: topK", "--top-k").replace("Sampler: topP", "--top-p"), e);
        }
        String stopText = stop == null ? null : stop.replace("\\n", "\n").replace("\\t", "\t");
        TextGenerator generator = LanguageModel.load(model).generator();
        generator.encodePrime(prime); // checks the prime before printing anything
        PrintWriter out = spec.commandLine().getOut();
        out.print(prime);
        out.flush();
        SplittableRandom random = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
        generator.generate(prime, length, sampler, random, stopText, piece -> {
            out.print(piece);
            out.flush();
        });
        out.println();
        out.flush();
        return 0;
    }
}
