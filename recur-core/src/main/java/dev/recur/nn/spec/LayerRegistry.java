package dev.recur.nn.spec;

import dev.recur.nn.Activation;
import dev.recur.nn.Dense;
import dev.recur.nn.Layer;
import dev.recur.nn.Sequential;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds layers and models from specifications: Keras layer names and argument names, e.g.
 * {@code "Embedding(10000, 32) SimpleRNN(32) Dense(1, activation=sigmoid)"}. Each layer type
 * registers one factory here.
 */
public final class LayerRegistry {

    private static final Map<String, Function<Args, Layer>> FACTORIES = new TreeMap<>();

    static {
        register("Dense", a -> {
            int units = a.requiredInt(0, "units");
            Activation act = Activation.fromKeras(a.stringArg(1, "activation", "linear"));
            boolean bias = a.boolArg("use_bias", true);
            return new Dense(units, act, bias, dev.recur.nn.Initializers.glorotUniform());
        });
        dev.recur.nn.rnn.RecurrentLayers.register();
    }

    private LayerRegistry() {
    }

    /** Adds (or replaces) the factory for a layer type. */
    public static synchronized void register(String type, Function<Args, Layer> factory) {
        FACTORIES.put(type, factory);
    }

    /** The registered layer type names. */
    public static synchronized List<String> types() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** One layer from its parsed node; unknown names and arguments are errors that list what is valid. */
    public static Layer create(SpecNode node) {
        Function<Args, Layer> factory;
        synchronized (LayerRegistry.class) {
            factory = FACTORIES.get(node.name());
        }
        if (factory == null) {
            throw new IllegalArgumentException("unknown layer '" + node.name() + "' at column " + node.column()
                    + "; valid layers: Input, " + String.join(", ", types()));
        }
        Args args = new Args(node);
        Layer layer = factory.apply(args);
        args.done();
        return layer;
    }

    /** A model from a specification; it is built at once when the specification starts with {@code Input(...)}. */
    public static ModelSpec parseModel(String spec) {
        List<SpecNode> nodes = SpecParser.parse(spec);
        int[] inputShape = null;
        Sequential model = new Sequential();
        for (int i = 0; i < nodes.size(); i++) {
            SpecNode n = nodes.get(i);
            if (n.name().equals("Input")) {
                if (i != 0) {
                    throw new IllegalArgumentException("Input(...) must come first in a model specification, found it at column "
                            + n.column());
                }
                Args a = new Args(n);
                inputShape = a.positionalInts("shape");
                a.done();
                if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d < 1 && d != -1)) {
                    throw new IllegalArgumentException("Input needs positive dimensions (batch excluded), e.g. Input(100, 5),"
                            + " got Input" + Arrays.toString(inputShape).replace('[', '(').replace(']', ')'));
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
    }
}
