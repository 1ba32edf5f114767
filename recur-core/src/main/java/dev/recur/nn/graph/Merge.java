package dev.recur.nn.graph;

import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Layer;
import dev.recur.nn.Masked;
import dev.recur.tensor.Tensor;

import java.util.List;

/**
 * A layer without weights that merges several inputs into one (Keras's {@code _Merge}); called
 * with {@link Node#merge}. Its output mask follows Keras: see each subclass.
 */
public abstract sealed class Merge extends Layer permits Concatenate, Add {

    private List<int[]> pending; // the shapes being built for

    protected Merge(String name) {
        super(name);
    }

    /** The output shape for these input shapes (batch excluded); fails naming the layer and the shapes. */
    abstract int[] outputShape(List<int[]> shapes);

    /** Merges the values; masks are merged by {@link #mergeMasks}. */
    abstract Masked merge(List<Masked> inputs);

    /** Builds for several input shapes and returns the output shape. */
    final int[] build(BuildContext ctx, List<int[]> shapes) {
        int[] out = outputShape(shapes);
        pending = shapes;
        build(ctx, shapes.getFirst());
        pending = null;
        return out;
    }

    @Override
    protected final int[] doBuild(BuildContext ctx, int[] inputShape) {
        return outputShape(pending);
    }

    @Override
    public final Masked forward(Masked input, Context ctx) {
        throw new IllegalStateException(type() + " layer " + name() + " merges several inputs; it runs in a GraphModel"
                + " (Node.merge(layer, a, b)), not in a Sequential model");
    }

    /** Keras's merged mask: the product (logical and) of the inputs' masks, missing ones all ones; null if none. */
    static Tensor andMasks(List<Masked> inputs) {
        Tensor mask = null;
        for (Masked m : inputs) {
            if (m.mask() != null) {
                mask = mask == null ? m.mask() : mask.mul(m.mask());
            }
        }
        return mask;
    }

    static String shapes(List<int[]> shapes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shapes.size(); i++) {
            sb.append(i == 0 ? "" : i == shapes.size() - 1 ? " and " : ", ").append(batchShape(shapes.get(i)));
        }
        return sb.toString();
    }
}
