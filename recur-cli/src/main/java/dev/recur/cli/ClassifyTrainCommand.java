package dev.recur.cli;

import dev.recur.data.text.Sequences;
import dev.recur.nn.Embedding;
import dev.recur.tasks.classify.LabeledTexts;
import dev.recur.tasks.classify.PretrainedEmbeddings;
import dev.recur.tasks.classify.TextClassifier;
import dev.recur.tasks.classify.TextEncoder;
import dev.recur.tasks.classify.TextModels;
import dev.recur.train.FitOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code recur classify train}: a text classifier trained on labelled texts and saved with its vocabulary. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a text classifier and save it, with its vocabulary and labels, in one model file.",
                "The rows are shuffled once with --seed (files are often sorted by label) before --test-split and"
                        + " --validation-split take their parts from the end."},
        footer = {"", "Examples:",
                "  recur classify train --data $RECUR_DATA/imdb/train.tsv --layers \"LSTM(32)\" \\",
                "      --optimizer rmsprop --epochs 10 --batch-size 128 --validation-split 0.2 --out imdb.safetensors",
                "  recur classify train --data amazon_cells_labelled.txt --no-header --layers \"GRU(16)\" \\",
                "      --test-split 0.2 --epochs 15 --out amazon.safetensors",
                "The layers get an Embedding(num_words, --embedding-dim, mask_zero=true) in front unless they start"
                        + " with one, and a head behind unless they end with a Dense: Dense(1, sigmoid) for two"
                        + " labels, Dense(k, softmax) for more. --vectorization multi_hot with --layers \"\" is the"
                        + " bag-of-words logistic regression."})
final class ClassifyTrainCommand implements Callable<Integer> {

    @Option(names = "--layers", paramLabel = "SPEC", required = true,
            description = "The model body, e.g. \"LSTM(32)\", \"Bidirectional(LSTM(32))\","
                    + " \"LSTM(32, return_sequences=true) LSTM(32)\", \"\" (head only).")
    String layers;

    @Mixin
    TextDataOptions data;

    @Option(names = "--num-words", paramLabel = "N",
            description = "Vocabulary size, padding and OOV indices included (default: ${DEFAULT-VALUE}).")
    int numWords = 10_000;

    @Option(names = "--maxlen", paramLabel = "N", description = "Words per text, padded or cut (default: ${DEFAULT-VALUE}).")
    int maxlen = 500;

    @Option(names = "--padding", paramLabel = "SIDE", description = "pre or post (default: pre, as Keras).")
    String padding = "pre";

    @Option(names = "--truncating", paramLabel = "SIDE", description = "pre (keep the end) or post (default: pre).")
    String truncating = "pre";

    @Option(names = "--oov-buckets", paramLabel = "N",
            description = "Indices for unknown words: 1 (one <OOV>), more (hashed buckets) or 0 (dropped) (default: ${DEFAULT-VALUE}).")
    int oovBuckets = 1;

    @Option(names = "--embedding-dim", paramLabel = "N", description = "Embedding size (default: ${DEFAULT-VALUE}).")
    int embeddingDim = TextModels.DEFAULT_EMBEDDING_DIM;

    @Option(names = "--vectorization", paramLabel = "KIND",
            description = "sequence (ids for an Embedding), counts or multi_hot (bag of words) (default: ${DEFAULT-VALUE}).")
    String vectorization = "sequence";

    @Option(names = "--embeddings", paramLabel = "FILE",
            description = "Start the Embedding from GloVe / word2vec text-format vectors (sets --embedding-dim).")
    java.nio.file.Path embeddings;

    @Option(names = "--freeze-embeddings", description = "Keep the --embeddings vectors fixed during training.")
    boolean freezeEmbeddings;

    @Option(names = "--test-split", paramLabel = "FRACTION",
            description = "Hold out this fraction of the rows (after shuffling) and report accuracy, precision,"
                    + " recall, F1 and the confusion matrix on them after training.")
    Double testSplit;

    @Mixin
    TrainingOptions training = new TrainingOptions(10, 128);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TextEncoder.Options options = TextEncoder.Options.defaults().withNumWords(numWords).withMaxlen(maxlen)
                .withOovBuckets(oovBuckets).withPadding(side("--padding", padding, Sequences.Padding.class),
                        side("--truncating", truncating, Sequences.Truncating.class))
                .withVectorization(side("--vectorization", vectorization, TextEncoder.Vectorization.class));
        if (!layers.isBlank()) {
            TrainCommand.parse(layers); // a mistake in --layers costs nothing
        }
        TrainingRun run = training.prepare(out);
        LabeledTexts all = data.read().shuffled(training.seed());
        LabeledTexts train = all;
        LabeledTexts test = null;
        if (testSplit != null) {
            LabeledTexts.Split s = all.split(testSplit, training.seed());
            train = s.train();
            test = s.test();
        }
        run.checkSamples(train.size(), data.file.toString());
        FitOptions fit = run.fitOptions().withData(data.file.toString());
        int fitted = (int) Math.ceil(train.size() * (1 - fit.validationSplit())); // the vocabulary sees no validation text
        TextEncoder encoder = TextEncoder.fit(options, train.slice(0, fitted).texts());
        PretrainedEmbeddings vectors = null;
        if (embeddings != null) {
            vectors = PretrainedEmbeddings.load(embeddings, encoder.vocabulary());
            out.println("Embeddings " + embeddings + ": " + vectors.coverage() + ", dim " + vectors.dim()
                    + (freezeEmbeddings ? ", frozen" : ", trainable"));
        } else if (freezeEmbeddings) {
            throw new IllegalArgumentException("--freeze-embeddings needs --embeddings FILE, the vectors to freeze");
        }
        TextClassifier classifier = TextClassifier.create(layers, encoder, all.labelNames(),
                vectors != null ? vectors.dim() : embeddingDim, training.seed());
        if (vectors != null) {
            if (!(classifier.model().layers().getFirst() instanceof Embedding e)) {
                throw new IllegalArgumentException("--embeddings needs a model that starts with an Embedding, but the"
                        + " vectorization is " + vectorization);
            }
            vectors.applyTo(e, !freezeEmbeddings);
        }
        out.println("Vocabulary: " + encoder.vocabulary().size() + " indices; labels " + classifier.labels()
                + "; model " + classifier.model().spec());
        run.attach(TextClassifier.ATTACHMENT, classifier.attachment());
        run.train(classifier.compile(run.optimizer()), encoder.encode(train.texts()), classifier.targets(train), fit);
        if (test != null) {
            out.println("Held-out test split (" + test.size() + " of " + all.size() + " rows):");
            out.print(classifier.evaluate(test));
        }
        out.flush();
        return 0;
    }

    /** An enum constant from its lower-case name, or an error naming the option and the choices. */
    static <E extends Enum<E>> E side(String option, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException(option + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(Choices::lower).toList() + ", got '" + value + "'");
    }
}
