package dev.recur.tasks.seq2seq;

import dev.recur.autodiff.Parameter;
import dev.recur.autodiff.Variable;
import dev.recur.nn.Activation;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Dense;
import dev.recur.nn.Embedding;
import dev.recur.nn.Initializers;
import dev.recur.nn.Layer;
import dev.recur.nn.Masked;
import dev.recur.nn.attention.AttentionLayer;
import dev.recur.nn.attention.AttentionResult;
import dev.recur.nn.attention.BahdanauAttention;
import dev.recur.nn.attention.LuongAttention;
import dev.recur.nn.rnn.Bidirectional;
import dev.recur.nn.rnn.Gru;
import dev.recur.nn.rnn.Lstm;
import dev.recur.nn.rnn.RecurrentLayer;
import dev.recur.nn.rnn.RecurrentOptions;
import dev.recur.nn.rnn.RecurrentResult;
import dev.recur.nn.rnn.State;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An encoder-decoder of recurrent layers (Sutskever et al. 2014; Cho et al. 2014) with optional
 * attention (Bahdanau et al. 2014; Luong et al. 2015).
 *
 * <p>Encoder: source embedding (id 0 is padding and masked), then {@code layers} recurrent layers
 * returning sequences; with {@code bidirectional}, each is a {@link Bidirectional} pair of
 * {@code units / 2} per direction whose outputs and final states are concatenated. Decoder: target embedding, then {@code layers} recurrent layers, layer i
 * starting from the final state of encoder layer i. Head, on the top decoder output h_t:
 * <ul>
 *   <li>none: {@code logits = W_o h_t + b}</li>
 *   <li>Bahdanau: context c_t from additive scores of h_t against the encoder outputs,
 *       {@code logits = W_o tanh(W_c [c_t; h_t]) + b}</li>
 *   <li>Luong (general score): {@code logits = W_o a_t + b}, {@code a_t = tanh(W_c [c_t; h_t])}</li>
 * </ul>
 * Attention reads the decoder's output at step t (Luong's order, without input feeding), so
 * training runs each recurrent layer over the whole sequence (the fused kernels), and a decoding
 * step is one {@link RecurrentLayer#step} per layer followed by the same head.
 */
public final class Seq2SeqModel {

    private final Seq2SeqConfig config;
    private final Embedding sourceEmbedding; // [sourceVocab, embedding]
    private final Embedding targetEmbedding; // [targetVocab, embedding]
    private final List<Layer> encoder = new ArrayList<>(); // RecurrentLayer, or Bidirectional of one
    private final List<RecurrentLayer> decoder = new ArrayList<>();
    private final AttentionLayer attention;  // null without attention
    private final Dense combine;             // Bahdanau: W_c [2 units, units], tanh; null otherwise
    private final Dense output;              // [units, targetVocab]
    private final List<Layer> layers = new ArrayList<>();

    /** The encoder's outputs and final states, what every decoding step reads. */
    public record Encoded(Variable outputs, Tensor mask, List<State> states) {
        // outputs [batch, sourceTime, units]; mask [batch, sourceTime] (1 real, 0 padding); one state per layer

        /** The rows {@code rows} of every part (beam search follows hypotheses of one source). */
        public Encoded rows(int[] rows) {
            List<State> picked = new ArrayList<>();
            for (State s : states) {
                picked.add(new State(pick(s.h(), rows), s.c() == null ? null : pick(s.c(), rows)));
            }
            return new Encoded(pick(outputs, rows), mask == null ? null : pickTensor(mask, rows), picked);
        }
    }

    /** One decoding step's result. */
    public record Step(Variable logits, List<State> states, Tensor weights) {
        // logits [batch, targetVocab]; weights [batch, sourceTime], null without attention
    }

    public Seq2SeqModel(Seq2SeqConfig config, int sourceVocab, int targetVocab, BuildContext ctx) {
        this.config = Objects.requireNonNull(config, "config");
        int u = config.units();
        sourceEmbedding = add(new Embedding(sourceVocab, config.embedding(), true), "source_embedding");
        sourceEmbedding.build(ctx, -1);
        targetEmbedding = add(new Embedding(targetVocab, config.embedding(), true), "target_embedding");
        targetEmbedding.build(ctx, -1);
        for (int i = 0; i < config.layers(); i++) {
            int in = i == 0 ? config.embedding() : u;
            Layer layer = config.bidirectional()
                    ? new Bidirectional(recurrent(config.cell(), u / 2)) : recurrent(config.cell(), u);
            encoder.add(add(layer, "encoder_" + (i + 1)));
            layer.build(ctx, -1, in);
        }
        for (int i = 0; i < config.layers(); i++) {
            int in = i == 0 ? config.embedding() : u;
            decoder.add(add(recurrent(config.cell(), u), "decoder_" + (i + 1)));
            decoder.getLast().build(ctx, -1, in);
        }
        attention = switch (config.attention()) {
            case NONE -> null;
            case BAHDANAU -> add(new BahdanauAttention(u), "attention");
            case LUONG -> add(new LuongAttention(LuongAttention.Score.GENERAL, u), "attention");
        };
        if (attention != null) {
            attention.build(ctx, new int[]{-1, u}, new int[]{-1, u});
        }
        combine = config.attention() == Seq2SeqConfig.AttentionType.BAHDANAU
                ? add(new Dense(u, Activation.TANH, false, Initializers.glorotUniform()), "attention_combine") : null;
        if (combine != null) {
            combine.build(ctx, -1, 2 * u);
        }
        output = add(new Dense(targetVocab), "output");
        output.build(ctx, -1, u);
    }

    private static RecurrentLayer recurrent(Seq2SeqConfig.CellType cell, int units) {
        RecurrentOptions o = RecurrentOptions.DEFAULTS.withReturnSequences(true);
        return cell == Seq2SeqConfig.CellType.LSTM ? new Lstm(units, o) : new Gru(units, o);
    }

    private <L extends Layer> L add(L layer, String name) {
        layer.setName(name);
        layers.add(layer);
        return layer;
    }

    public Seq2SeqConfig config() {
        return config;
    }

    /** The element type of the weights. */
    public DType dtype() {
        return output.weights().getFirst().value().dtype();
    }

    /** Every weight, in a fixed order, with unique names. */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        layers.forEach(l -> out.addAll(l.parameters()));
        return out;
    }

    /** Number of scalars in all weights. */
    public long countParams() {
        return layers.stream().mapToLong(Layer::countParams).sum();
    }

    /** Runs the encoder on source ids {@code [batch, sourceTime]} (0 = padding, at the end). */
    public Encoded encode(Tensor sourceIds, Context ctx) {
        Masked x = sourceEmbedding.forward(Masked.of(sourceIds.to(dtype())), ctx);
        Variable h = x.value();
        Tensor mask = x.mask();
        List<State> states = new ArrayList<>();
        for (Layer layer : encoder) {
            if (layer instanceof Bidirectional bi) {
                Bidirectional.Result r = bi.call(h, mask, null, null, ctx);
                h = r.output();
                states.add(concat(r.forwardState(), r.backwardState()));
            } else {
                RecurrentResult r = ((RecurrentLayer) layer).call(h, mask, null, ctx);
                h = r.output();
                states.add(r.state());
            }
        }
        return new Encoded(h, mask, states);
    }

    /**
     * Teacher forcing: the logits {@code [batch, targetTime, targetVocab]} of the next target token
     * at each step, given the source ids and the target input ids ({@code <s> y1 .. yn}, 0-padded).
     */
    public Variable logits(Tensor sourceIds, Tensor targetInput, Context ctx) {
        Encoded enc = encode(sourceIds, ctx);
        Masked y = targetEmbedding.forward(Masked.of(targetInput.to(dtype())), ctx);
        Variable h = y.value();
        for (int i = 0; i < decoder.size(); i++) {
            h = decoder.get(i).call(h, y.mask(), enc.states().get(i), ctx).output();
        }
        return head(h, enc).logits;
    }

    /** One decoding step from the previous tokens {@code [batch]} and states (null: the encoder's final states). */
    public Step step(Encoded enc, int[] tokens, List<State> states) {
        Tensor ids = Tensor.zeros(dtype(), tokens.length, 1);
        for (int i = 0; i < tokens.length; i++) {
            ids.setFlat(i, tokens[i]);
        }
        Variable x = targetEmbedding.forward(Masked.of(ids), Context.inference()).value().select(1, 0); // [B, emb]
        List<State> next = new ArrayList<>();
        for (int i = 0; i < decoder.size(); i++) {
            State s = decoder.get(i).step(x, states == null ? enc.states().get(i) : states.get(i));
            next.add(s);
            x = s.h();
        }
        Head h = head(x.unsqueeze(1), enc);
        return new Step(h.logits.select(1, 0), next, h.weights == null ? null : h.weights.select(1, 0));
    }

    private record Head(Variable logits, Tensor weights) {
    }

    /** Decoder outputs {@code [B, T, units]} to logits, through the attention. */
    private Head head(Variable h, Encoded enc) {
        if (attention == null) {
            return new Head(output.forward(Masked.of(h), Context.inference()).value(), null);
        }
        AttentionResult r = attention.attend(h, enc.outputs(), enc.mask());
        Variable a = attention instanceof LuongAttention l
                ? l.attentional(r, h)
                : combine.forward(Masked.of(Variable.concat(2, r.context(), h)), Context.inference()).value();
        return new Head(output.forward(Masked.of(a), Context.inference()).value(), r.weights().value());
    }

    /** The two directions' final states side by side: {@code [batch, units / 2]} each to {@code [batch, units]}. */
    private static State concat(State forward, State backward) {
        return new State(Variable.concat(1, forward.h(), backward.h()),
                forward.c() == null ? null : Variable.concat(1, forward.c(), backward.c()));
    }

    private static Variable pick(Variable v, int[] rows) {
        return Variable.constant(pickTensor(v.value(), rows));
    }

    private static Tensor pickTensor(Tensor t, int[] rows) {
        int[] shape = t.shape();
        int rest = t.size() / shape[0];
        int[] out = shape.clone();
        out[0] = rows.length;
        return t.contiguous().reshape(shape[0], rest).gather(rows, rows.length).reshape(out);
    }
}
