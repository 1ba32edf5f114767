package dev.recur.tasks.seq2seq;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.recur.autodiff.Parameter;
import dev.recur.data.text.Tokenizer;
import dev.recur.inference.BeamSearch;
import dev.recur.inference.Hypothesis;
import dev.recur.inference.Sampler;
import dev.recur.io.SafeTensors;
import dev.recur.io.SafeTensorsFile;
import dev.recur.io.SafeTensorsWriter;
import dev.recur.nn.BuildContext;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import dev.recur.train.ModelFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A trained translator: the encoder-decoder, both vocabularies and the lengths it was trained on.
 * Saved as one safetensors file: the weights under their layer names, and in the header metadata
 * {@code recur.kind = translator} and the attachment {@code translator} (key
 * {@code recur.attachment.translator}, as {@link ModelFile} names attachments): JSON with the
 * configuration, both vocabularies and the trained lengths. (The model is not a
 * {@link dev.recur.nn.Model}, so {@link ModelFile#save} does not apply; the layout follows it.)
 */
public final class Translator {

    public static final String KIND = "translator";
    /** The metadata key of the configuration: a {@link ModelFile} attachment named {@code translator}. */
    static final String ATTACHMENT = ModelFile.ATTACHMENT_PREFIX + "translator";
    static final int FORMAT = 1;

    private final Seq2SeqModel model;
    private final TextSide source;
    private final TextSide target;
    private final int maxSourceLength; // longest source seen in training, in tokens
    private final int maxTargetLength; // longest target seen in training, in tokens

    Translator(Seq2SeqModel model, TextSide source, TextSide target, int maxSourceLength, int maxTargetLength) {
        this.model = model;
        this.source = source;
        this.target = target;
        this.maxSourceLength = maxSourceLength;
        this.maxTargetLength = maxTargetLength;
    }

    /** Fits vocabularies on {@code pairs}, builds a float32 model and trains it. */
    public static Translator train(List<TextPair> pairs, Tokenizer.Level sourceLevel, Tokenizer.Level targetLevel,
                                   Seq2SeqConfig config, Seq2SeqTraining.Options options,
                                   Seq2SeqTraining.EpochListener listener) {
        Translator t = create(pairs, sourceLevel, targetLevel, config, DType.FLOAT32, options.seed());
        t.fit(pairs, List.of(), options, listener);
        return t;
    }

    /**
     * Trains this translator on {@code pairs}, scoring {@code validation} after each epoch and
     * keeping the weights of the epoch with the lowest validation loss (see {@link Seq2SeqTraining}).
     * Every validation pair must be {@link #canEncode encodable}.
     */
    public List<Double> fit(List<TextPair> pairs, List<TextPair> validation, Seq2SeqTraining.Options options,
                            Seq2SeqTraining.EpochListener listener) {
        return Seq2SeqTraining.fit(model, encodeAll(pairs), encodeAll(validation), options, listener);
    }

    /** Whether both sides of {@code pair} use only tokens of the vocabularies (a validation pair must). */
    public boolean canEncode(TextPair pair) {
        return source.tokenize(pair.source()).stream().allMatch(source::contains)
                && target.tokenize(pair.target()).stream().allMatch(target::contains);
    }

    /** An untrained translator with vocabularies fitted on {@code pairs}. */
    public static Translator create(List<TextPair> pairs, Tokenizer.Level sourceLevel, Tokenizer.Level targetLevel,
                                    Seq2SeqConfig config, DType dtype, long seed) {
        TextSide src = TextSide.fit(sourceLevel, pairs.stream().map(TextPair::source).toList());
        TextSide tgt = TextSide.fit(targetLevel, pairs.stream().map(TextPair::target).toList());
        int maxS = 0;
        int maxT = 0;
        for (TextPair p : pairs) {
            maxS = Math.max(maxS, src.tokenize(p.source()).size());
            maxT = Math.max(maxT, tgt.tokenize(p.target()).size());
        }
        Seq2SeqModel m = new Seq2SeqModel(config, src.size(), tgt.size(), new BuildContext(dtype, new SplittableRandom(seed)));
        return new Translator(m, src, tgt, maxS, maxT);
    }

    /** The pairs as ids. */
    public List<Pair> encodeAll(List<TextPair> pairs) {
        List<Pair> out = new ArrayList<>(pairs.size());
        for (TextPair p : pairs) {
            out.add(new Pair(source.encode(p.source(), "source"), target.encode(p.target(), "target")));
        }
        return out;
    }

    public Seq2SeqModel model() {
        return model;
    }

    public TextSide source() {
        return source;
    }

    public TextSide target() {
        return target;
    }

    public int maxSourceLength() {
        return maxSourceLength;
    }

    /** The longest output decoding allows: twice the longest training target, at least 10 tokens. */
    public int maxOutputLength() {
        return Math.max(10, 2 * maxTargetLength + 1);
    }

    /** Source ids {@code [1, time]} of a text, checked against the vocabulary and the trained lengths. */
    public Tensor sourceIds(String text) {
        int[] ids = source.encode(text, "source");
        if (ids.length > maxSourceLength) {
            throw new IllegalArgumentException("the source text has " + ids.length + " "
                    + (source.level() == Tokenizer.Level.CHARACTER ? "characters" : "words") + " but the model was"
                    + " trained on sources of at most " + maxSourceLength + "; shorten it or split it into sentences");
        }
        Tensor t = Tensor.zeros(model.dtype(), 1, ids.length);
        for (int i = 0; i < ids.length; i++) {
            t.setFlat(i, ids[i]);
        }
        return t;
    }

    /** Translates with beam search of this width (1: greedy), length-normalised with alpha 0.6, with the attention weights. */
    public Translation translate(String text, int beamWidth) {
        Tensor ids = sourceIds(text);
        int[] out;
        if (beamWidth == 1) {
            out = Decoding.greedy(model, ids, maxOutputLength()).getFirst();
        } else {
            Hypothesis best = Decoding.beam(model, ids, new BeamSearch(beamWidth, 0.6, maxOutputLength())).getFirst();
            int[] tokens = best.tokens();
            out = best.finished() ? java.util.Arrays.copyOf(tokens, tokens.length - 1) : tokens;
        }
        return translation(text, ids, out);
    }

    /** Samples a translation from softmax(logits / temperature). */
    public Translation sample(String text, double temperature, RandomGenerator rng) {
        Tensor ids = sourceIds(text);
        return translation(text, ids, Decoding.sample(model, ids, maxOutputLength(), Sampler.temperature(temperature), rng));
    }

    private Translation translation(String text, Tensor ids, int[] out) {
        List<String> outTokens = new ArrayList<>();
        for (int id : out) {
            outTokens.add(target.token(id));
        }
        return new Translation(target.decode(out), source.tokenize(text), outTokens, Decoding.attention(model, ids, out));
    }

    /** Greedy translations of many texts, {@code batch} at a time (what the benchmarks score). */
    public List<String> translateAll(List<String> texts, int batch) {
        List<String> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batch) {
            List<String> part = texts.subList(from, Math.min(texts.size(), from + batch));
            List<int[]> ids = new ArrayList<>();
            int len = 0;
            for (String s : part) {
                ids.add(source.encode(s, "source"));
                len = Math.max(len, ids.getLast().length);
            }
            Tensor t = Tensor.zeros(model.dtype(), part.size(), len);
            for (int r = 0; r < ids.size(); r++) {
                for (int i = 0; i < ids.get(r).length; i++) {
                    t.setFlat(r * len + i, ids.get(r)[i]);
                }
            }
            for (int[] o : Decoding.greedy(model, t, maxOutputLength())) {
                out.add(target.decode(o));
            }
        }
        return out;
    }

    // ---- the model file ------------------------------------------------------------------------

    /** Writes the translator to {@code path} atomically. */
    public void save(Path path, long seed, String data) {
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("format", FORMAT);
        Seq2SeqConfig c = model.config();
        attachment.put("config", Map.of("cell", c.cell().name(), "attention", c.attention().name(),
                "embedding", c.embedding(), "units", c.units(), "layers", c.layers(), "bidirectional", c.bidirectional()));
        attachment.put("source", source.toConfig());
        attachment.put("target", target.toConfig());
        attachment.put("max_source_length", maxSourceLength);
        attachment.put("max_target_length", maxTargetLength);
        SafeTensorsWriter w = SafeTensors.writer();
        for (Parameter p : model.parameters()) {
            w.put(p.name(), p.value());
        }
        w.putMetadata(ModelFile.KIND_KEY, KIND)
                .putMetadata(SafeTensors.LIBRARY_VERSION_KEY, ModelFile.LIBRARY_VERSION)
                .putMetadata(ATTACHMENT, new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(attachment))
                .putMetadata(SafeTensors.SEED_KEY, Long.toString(seed))
                .putMetadata(SafeTensors.DATA_KEY, data)
                .write(path);
    }

    /** Reads a translator written by {@link #save}. */
    public static Translator load(Path path) {
        SafeTensorsFile file = SafeTensors.read(path);
        String json = file.metadata().get(ATTACHMENT);
        if (!KIND.equals(file.metadata().get(ModelFile.KIND_KEY)) || json == null) {
            throw new IllegalArgumentException(path + " is not a translator model file (its recur.kind is "
                    + file.metadata().get(ModelFile.KIND_KEY) + "); train one with: recur translate train --pairs FILE --out " + path);
        }
        Map<String, Object> a = new Gson().fromJson(json, new TypeToken<Map<String, Object>>() { }.getType());
        int format = ((Number) a.get("format")).intValue();
        if (format != FORMAT) {
            throw new IllegalArgumentException(path + " holds translator format " + format + " but this version reads"
                    + " format " + FORMAT + "; retrain the model or use the library version that wrote it");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) a.get("config");
        Seq2SeqConfig config = new Seq2SeqConfig(Seq2SeqConfig.CellType.valueOf((String) c.get("cell")),
                Seq2SeqConfig.AttentionType.valueOf((String) c.get("attention")), ((Number) c.get("embedding")).intValue(),
                ((Number) c.get("units")).intValue(), ((Number) c.get("layers")).intValue(),
                Boolean.TRUE.equals(c.get("bidirectional"))); // absent in files of the first release: false
        @SuppressWarnings("unchecked")
        TextSide src = TextSide.fromConfig((Map<String, ?>) a.get("source"));
        @SuppressWarnings("unchecked")
        TextSide tgt = TextSide.fromConfig((Map<String, ?>) a.get("target"));
        DType dtype = file.tensor(file.names().getFirst()).dtype();
        Seq2SeqModel m = new Seq2SeqModel(config, src.size(), tgt.size(), new BuildContext(dtype, new SplittableRandom(0)));
        for (Parameter p : m.parameters()) {
            if (!file.contains(p.name())) {
                throw new IllegalArgumentException(path + " has no weight " + p.name() + " that its configuration needs;"
                        + " the file is damaged or was written by another program");
            }
            p.value().copyFrom(file.tensor(p.name()));
        }
        return new Translator(m, src, tgt, ((Number) a.get("max_source_length")).intValue(),
                ((Number) a.get("max_target_length")).intValue());
    }
}
