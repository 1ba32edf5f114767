package dev.recur.bench;

import dev.recur.optim.RmsProp;
import dev.recur.tasks.classify.LabeledTexts;
import dev.recur.tasks.classify.TextClassifier;
import dev.recur.tasks.classify.TextEncoder;
import dev.recur.tasks.classify.TextModels;
import dev.recur.tasks.classify.TextTable;
import dev.recur.train.FitOptions;
import dev.recur.train.History;
import dev.recur.train.ModelFile;
import dev.recur.train.callbacks.EarlyStopping;
import dev.recur.train.callbacks.Monitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The textbook's IMDB configurations (Chollet, Deep Learning with Python, §6.2): the 10,000 most
 * frequent words, reviews cut to their last 500, Embedding 32, one recurrent layer of 32 units,
 * a sigmoid head, RMSprop, 10 epochs of batches of 128, the last 20% of the (shuffled) training
 * reviews for validation; test accuracy on {@code test_sample.tsv}. The bag-of-words baseline is
 * logistic regression on multi-hot vectors of the same 10,000 words, trained the same way.
 *
 * <p>The test accuracy is that of the epoch with the best validation accuracy, as the textbook's
 * later chapters keep it ({@code ModelCheckpoint(save_best_only=True)}): RMSprop's validation
 * accuracy jumps between epochs, so the last epoch is often not the best one.
 */
public final class ImdbBench {

    /**
     * What to run.
     *
     * @param dataDir      holds train.tsv and test_sample.tsv
     * @param models       in order
     * @param epochs       10 in the textbook
     * @param trainSamples at most this many training reviews (after shuffling); 0 for all
     * @param seed         shuffling, weights and batches
     * @param outDir       where each model is saved as {@code <model>.safetensors}, or null
     */
    public record Config(Path dataDir, List<TextModels.Kind> models, int epochs, int trainSamples, long seed, Path outDir) {

        public Config {
            if (epochs < 1 || trainSamples < 0) {
                throw new IllegalArgumentException("bench imdb: epochs must be >= 1 and train samples >= 0, got " + epochs
                        + " and " + trainSamples);
            }
            models = List.copyOf(models);
        }
    }

    /**
     * One model's figures: last epoch's validation accuracy, the best epoch's (1-based {@code bestEpoch}),
     * test accuracy with the best epoch's weights, seconds of fit.
     */
    public record Result(String model, double valAcc, double bestValAcc, int bestEpoch, double testAcc,
                         double trainSeconds, int epochs, int trainSamples) {

        public String toJson() {
            return new JsonLine().put("bench", "imdb").put("model", model).put("val_acc", round(valAcc))
                    .put("best_val_acc", round(bestValAcc)).put("best_epoch", bestEpoch).put("test_acc", round(testAcc))
                    .put("train_s", Math.round(trainSeconds * 10) / 10.0).put("epochs", epochs)
                    .put("train_samples", trainSamples).toString();
        }

        private static double round(double v) {
            return Math.round(v * 10000) / 10000.0;
        }
    }

    public static final int NUM_WORDS = 10_000;
    public static final int MAXLEN = 500;
    public static final int BATCH = 128;
    public static final double VALIDATION_SPLIT = 0.2;

    private ImdbBench() {
    }

    /** Runs each model in turn, handing each result to {@code sink} as soon as it is measured. */
    public static void run(Config config, Consumer<Result> sink) {
        Path trainFile = config.dataDir().resolve("train.tsv");
        Path testFile = config.dataDir().resolve("test_sample.tsv");
        for (Path p : List.of(trainFile, testFile)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("bench imdb: " + p + " not found; point RECUR_DATA (or --data-dir) at"
                        + " the folder holding the imdb/ data set (train.tsv, test_sample.tsv)");
            }
        }
        LabeledTexts train = TextTable.read(trainFile).shuffled(config.seed()); // sorted by label: shuffle before the split
        if (config.trainSamples() > 0 && config.trainSamples() < train.size()) {
            train = train.slice(0, config.trainSamples());
        }
        LabeledTexts test = TextTable.read(testFile);
        for (TextModels.Kind kind : config.models()) {
            sink.accept(runOne(kind, train, test, config));
        }
    }

    static Result runOne(TextModels.Kind kind, LabeledTexts train, LabeledTexts test, Config config) {
        TextEncoder.Options options = TextEncoder.Options.defaults().withNumWords(NUM_WORDS).withMaxlen(MAXLEN);
        if (kind == TextModels.Kind.BOW) {
            options = options.withVectorization(TextEncoder.Vectorization.MULTI_HOT);
        }
        // the vocabulary comes from the training part only, as Keras's tokenizer fitted before validation_split
        int fitted = (int) Math.ceil(train.size() * (1 - VALIDATION_SPLIT));
        TextEncoder encoder = TextEncoder.fit(options, train.slice(0, fitted).texts());
        TextClassifier classifier = TextClassifier.create(kind.body(), encoder, train.labelNames(),
                TextModels.DEFAULT_EMBEDDING_DIM, config.seed());
        FitOptions fit = FitOptions.defaults().withEpochs(config.epochs()).withBatchSize(BATCH).withSeed(config.seed())
                .withValidationSplit(VALIDATION_SPLIT).withData("imdb train.tsv");
        // patience = epochs: never stops early, only keeps the best epoch's weights
        EarlyStopping best = new EarlyStopping(EarlyStopping.Config.defaults()
                .withMonitor("val_binary_accuracy", Monitor.Mode.MAX).withPatience(config.epochs())
                .withRestoreBestWeights(true));
        fit = fit.withCallbacks(best);
        long start = System.nanoTime();
        History h = classifier.fit(train, RmsProp.defaults(), fit);
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] val = h.get("val_binary_accuracy");
        double testAcc = classifier.evaluate(test).accuracy();
        if (config.outDir() != null) {
            classifier.save(config.outDir().resolve(kind.id() + ".safetensors"),
                    new ModelFile.Provenance(config.seed(), "imdb train.tsv, " + train.size() + " reviews"));
        }
        return new Result(kind.id(), val[val.length - 1], best.best(), best.bestEpoch() + 1, testAcc, seconds, h.size(),
                train.size());
    }
}
