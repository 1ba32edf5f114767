package dev.recur.nn.spec;

import dev.recur.nn.Activation;
import dev.recur.nn.ActivationLayer;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Conv1D;
import dev.recur.nn.Dense;
import dev.recur.nn.Dropout;
import dev.recur.nn.Embedding;
import dev.recur.nn.Flatten;
import dev.recur.nn.GlobalAveragePooling1D;
import dev.recur.nn.GlobalMaxPooling1D;
import dev.recur.nn.Initializers;
import dev.recur.nn.Layer;
import dev.recur.nn.LayerNormalization;
import dev.recur.nn.MaxPooling1D;
import dev.recur.nn.Masking;
import dev.recur.nn.Padding;
import dev.recur.nn.Sequential;
import dev.recur.nn.TimeDistributed;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds layers and models from specifications: Keras layer names and argument names, e.g.
 * {@code "Embedding(10000, 32) SimpleRNN(32) Dense(1, activation=sigmoid)"}. Each layer type
 * registers one factory here; every layer also accepts Keras's {@code trainable=false}.
 */
public final class LayerRegistry {

    private static final Map<String, Function<Args, Layer>> FACTORIES = new TreeMap<>();

    static {
        register("Dense", a -> new Dense(a.requiredInt(0, "units"),
                a.parsed(1, "activation", Activation.LINEAR, Activation::fromKeras),
                a.boolArg("use_bias", true), Initializers.glorotUniform()));
        register("Embedding", a -> new Embedding(a.requiredInt(0, "input_dim"), a.requiredInt(1, "output_dim"),
                a.boolArg("mask_zero", false)));
        register("Masking", a -> new Masking(a.doubleArg(0, "mask_value", 0.0)));
        register("Dropout", a -> new Dropout(a.requiredDouble(0, "rate")));
        register("Flatten", a -> new Flatten());
        register("TimeDistributed", a -> new TimeDistributed(create(a.layerArg(0, "layer"))));
        register("LayerNormalization", a -> new LayerNormalization(
                a.doubleArg(-1, "epsilon", LayerNormalization.DEFAULT_EPSILON)));
        register("Conv1D", a -> new Conv1D(a.requiredInt(0, "filters"), a.requiredInt(1, "kernel_size"),
                a.intArg(2, "strides", 1), a.parsed(3, "padding", Padding.VALID, Padding::fromKeras),
                a.intArg(-1, "dilation_rate", 1), a.parsed(-1, "activation", Activation.LINEAR, Activation::fromKeras),
                a.boolArg("use_bias", true)));
        register("MaxPooling1D", LayerRegistry::maxPooling);
        register("MaxPool1D", LayerRegistry::maxPooling); // Keras's alias
        register("GlobalMaxPooling1D", a -> new GlobalMaxPooling1D());
        register("GlobalMaxPool1D", a -> new GlobalMaxPooling1D());
        register("GlobalAveragePooling1D", a -> new GlobalAveragePooling1D());
        register("GlobalAvgPool1D", a -> new GlobalAveragePooling1D());
        register("Activation", a -> {
            Activation act = a.parsed(0, "activation", null, Activation::fromKeras);
            if (act == null) {
                throw new IllegalArgumentException("Activation: missing required argument 'activation' (e.g. Activation(relu))");
            }
            return new ActivationLayer(act);
        });
        dev.recur.nn.rnn.RecurrentLayers.register();
    }

    private static Layer maxPooling(Args a) {
        int pool = a.intArg(0, "pool_size", 2);
        Integer strides = a.optionalInt(1, "strides");
        return new MaxPooling1D(pool, strides == null ? pool : strides, a.parsed(2, "padding", Padding.VALID, Padding::fromKeras));
    }

    private LayerRegistry() {
    }

    /** Adds (or replaces) the factory for a layer type. */
    public static synchronized void register(String type, Function<Args, Layer> factory) {
        FACTORIES.put(type, factory);
    }

    /** The registered layer type names, sorted. */
    public static synchronized List<String> types() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** One layer from its parsed node; unknown names and arguments are errors that list what is valid. */
    public static Layer create(SpecNode node) {
        if (node.name().equals("Input")) {
            throw new IllegalArgumentException("Input(...) may only start a model specification, but one is at column "
                    + node.column());
        }
        Function<Args, Layer> factory;
        synchronized (LayerRegistry.class) {
            factory = FACTORIES.get(node.name());
        }
        if (factory == null) {
            throw new IllegalArgumentException("unknown layer '" + node.name() + "' at column " + node.column()
                    + Suggestions.hint(node.name(), types())
                    + "; valid layers: Input, " + String.join(", ", types()));
        }
        Args args = new Args(node);
        Layer layer = factory.apply(args);
        if (!args.boolArg("trainable", true)) {
            layer.setTrainable(false);
        }
        args.done();
        return layer;
    }

    /**
     * A model from a specification, not yet built; {@link ModelSpec#build} builds it for the shape
     * its {@code Input(...)} declares. {@code Input(100, 5)}, {@code Input(None, 8)} and
     * {@code Input(shape=(100, 5))} give the shape without the batch; {@code None} is unknown.
     */
    public static ModelSpec parseModel(String spec) {
        List<SpecNode> nodes = SpecParser.parse(spec);
        int[] inputShape = null;
        Sequential model = new Sequential();
        for (int i = 0; i < nodes.size(); i++) {
            SpecNode n = nodes.get(i);
            if (n.name().equals("Input") && i == 0) {
                Args a = new Args(n);
                inputShape = a.dims("shape");
                a.done();
                if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d < 1 && d != -1)) {
                    throw new IllegalArgumentException("Input needs positive dimensions (batch excluded, None if unknown),"
                            + " e.g. Input(100, 5), got Input" + Arrays.toString(inputShape).replace('[', '(').replace(']', ')'));
                }
                continue;
            }
            model.add(create(n));
        }
        if (model.layers().isEmpty()) {
            throw new IllegalArgumentException("model specification \"" + spec + "\" has no layers after Input");
        }
        return new ModelSpec(model, inputShape);
    }

    /**
     * A parsed model and the input shape its specification declared (batch excluded), or null.
     *
     * @param model      the layers, not yet built
     * @param inputShape from {@code Input(...)}, or null
     */
    public record ModelSpec(Sequential model, int[] inputShape) {

        public ModelSpec {
            inputShape = inputShape == null ? null : inputShape.clone();
        }

        @Override
        public int[] inputShape() {
            return inputShape == null ? null : inputShape.clone();
        }

        /** Builds the model for the declared input shape and returns it. */
        public Sequential build(BuildContext ctx) {
            if (inputShape == null) {
                throw new IllegalStateException("the model specification declares no Input(...), so its input shape is"
                        + " unknown; call model().build(ctx, shape), or start the specification with e.g. Input(100, 5)");
            }
            model.build(ctx, inputShape);
            return model;
        }
    }
}
