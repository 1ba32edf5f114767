package dev.recur.cli;

import dev.recur.bench.ImdbBench;
import dev.recur.tasks.classify.TextModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code recur bench imdb}: the textbook's IMDB sentiment models, one result line per model. */
@Command(name = "imdb", mixinStandardHelpOptions = true,
        description = {"The textbook's IMDB configurations: 10,000 words, maxlen 500, Embedding 32, one recurrent layer"
                + " of 32, RMSprop, batch 128, 20%% validation; test accuracy on test_sample.tsv with the weights of the"
                + " epoch with the best validation accuracy.",
                "Reads $RECUR_DATA/imdb/{train.tsv,test_sample.tsv} (or --data-dir)."})
final class ImdbBenchCommand implements Callable<Integer> {

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Option(names = "--models", split = ",", paramLabel = "NAME",
            description = "Which models, in order (default: ${DEFAULT-VALUE}; also cnn).",
            defaultValue = "bow,simple_rnn,lstm,gru,bilstm")
    List<String> models;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}, the textbook's).")
    int epochs = 10;

    @Option(names = "--train-samples", paramLabel = "N",
            description = "Train on only the first N shuffled reviews (default: all 25,000).")
    int trainSamples = 0;

    @Option(names = "--quick", description = "A smoke run: 1 epoch on 2,000 reviews.")
    boolean quick;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of shuffling, weights and batches (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The imdb folder (default: $RECUR_DATA/imdb).")
    Path dataDir;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Save each trained model as DIR/<model>.safetensors, for classify predict and evaluate.")
    Path outDir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<TextModels.Kind> kinds = models.stream().map(TextModels.Kind::of).toList();
        Path dir = dataDir;
        if (dir == null) {
            String env = System.getenv("RECUR_DATA");
            if (env == null || env.isBlank()) {
                throw new IllegalArgumentException("set RECUR_DATA to the folder holding imdb/, or give --data-dir");
            }
            dir = Path.of(env, "imdb");
        }
        if (outDir != null) {
            Files.createDirectories(outDir);
        }
        ImdbBench.Config config = new ImdbBench.Config(dir, kinds, quick ? 1 : epochs, quick ? 2_000 : trainSamples, seed,
                outDir);
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.println(String.format(Locale.ROOT, "%-11s %8s %12s %10s %9s %9s %7s", "model", "val_acc",
                    "best_val_acc", "best_epoch", "test_acc", "train_s", "epochs"));
            out.flush();
        }
        ImdbBench.run(config, r -> {
            out.println(json ? r.toJson() : String.format(Locale.ROOT, "%-11s %8.4f %12.4f %10d %9.4f %9.1f %7d",
                    r.model(), r.valAcc(), r.bestValAcc(), r.bestEpoch(), r.testAcc(), r.trainSeconds(), r.epochs()));
            out.flush();
        });
        return 0;
    }
}
