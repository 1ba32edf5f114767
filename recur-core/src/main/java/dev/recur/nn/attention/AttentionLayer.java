package dev.recur.nn.attention;

import dev.recur.autodiff.Variable;
import dev.recur.nn.BuildContext;
import dev.recur.nn.Context;
import dev.recur.nn.Layer;
import dev.recur.nn.Masked;
import dev.recur.tensor.Tensor;

import java.util.Objects;

/**
 * A layer with two inputs: queries {@code [batch, Tq, dq]} attend over values
 * {@code [batch, Tk, dv]} (which are also the keys). Built with {@link #build(BuildContext, int[], int[])}
 * and run with {@link #attend}; {@link #forward} (one input) is not available.
 */
public abstract sealed class AttentionLayer extends Layer
        permits BahdanauAttention, LuongAttention, ScaledDotProductAttention, MultiHeadAttention {

    private int[] pendingValue; // [Tk, dv] while building
    private int[] valueShape;   // [Tk, dv] once built (Tk may be -1)

    protected AttentionLayer(String name) {
        super(name);
    }

    /** Creates the weights for queries of shape {@code [Tq, dq]} and values {@code [Tk, dv]} (batch excluded; times may be -1). */
    public final int[] build(BuildContext ctx, int[] queryShape, int[] valueShape) {
        if (queryShape.length != 2 || valueShape.length != 2) {
            throw new IllegalArgumentException(type() + " layer " + name() + " needs queries (batch, Tq, dq) and values"
                    + " (batch, Tk, dv) but got query shape " + batchShape(queryShape) + " and value shape "
                    + batchShape(valueShape));
        }
        pendingValue = valueShape.clone();
        int[] out = build(ctx, queryShape);
        this.valueShape = valueShape.clone();
        pendingValue = null;
        return out;
    }

    @Override
    protected final int[] doBuild(BuildContext ctx, int[] queryShape) {
        if (pendingValue == null) {
            throw new IllegalStateException(type() + " layer " + name() + " has two inputs: build it with"
                    + " build(ctx, queryShape, valueShape)");
        }
        return build(ctx, queryShape[1], pendingValue[1], queryShape[0]);
    }

    /** Creates the weights for dq query features and dv value features; returns the output shape [Tq, ...]. */
    abstract int[] build(BuildContext ctx, int queryFeatures, int valueFeatures, int queryTime);

    /** Value features dv the layer was built for. */
    public final int valueFeatures() {
        requireBuilt("valueFeatures");
        return valueShape[1];
    }

    /** Query features dq the layer was built for. */
    public final int queryFeatures() {
        return inputShape()[1];
    }

    /**
     * Attends from each query over the values.
     *
     * @param query     {@code [batch, Tq, dq]}
     * @param value     {@code [batch, Tk, dv]}
     * @param valueMask {@code [batch, Tk]} of 1 (a real position) and 0 (padding), or null
     */
    public final AttentionResult attend(Variable query, Variable value, Tensor valueMask) {
        requireBuilt("attend");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(value, "value");
        check("query", query.value(), queryFeatures());
        check("value", value.value(), valueFeatures());
        int batch = query.value().dim(0);
        if (value.value().dim(0) != batch) {
            throw new IllegalArgumentException(type() + " layer " + name() + ": the query has " + batch
                    + " sequences but the value has " + value.value().dim(0) + "; pass one value sequence per query sequence");
        }
        if (valueMask != null && !valueMask.hasShape(batch, value.value().dim(1))) {
            throw new IllegalArgumentException(type() + " layer " + name() + ": the value mask has shape "
                    + valueMask.shapeString() + " but the value " + value.value().shapeString() + " needs a mask of shape ["
                    + batch + ", " + value.value().dim(1) + "]");
        }
        return compute(query, value, valueMask);
    }

    /** The attention itself, on checked inputs. */
    abstract AttentionResult compute(Variable query, Variable value, Tensor valueMask);

    private void check(String what, Tensor x, int features) {
        if (x.rank() != 3 || x.dim(2) != features) {
            throw new IllegalArgumentException(type() + " layer " + name() + ": the " + what + " has shape "
                    + x.shapeString() + " but the layer was built for " + what + "s of shape [batch, time, " + features + "]");
        }
        checkDType(x);
    }

    private void checkDType(Tensor x) {
        if (!weights().isEmpty() && weights().getFirst().value().dtype() != x.dtype()) {
            throw new IllegalArgumentException(type() + " layer " + name() + ": input is " + x.dtype()
                    + " but the layer's weights are " + weights().getFirst().value().dtype() + "; convert with to(DType)");
        }
    }

    @Override
    public final Masked forward(Masked input, Context ctx) {
        throw new IllegalStateException(type() + " layer " + name() + " has two inputs (queries and values): run it"
                + " with attend(query, value, valueMask)");
    }
}
