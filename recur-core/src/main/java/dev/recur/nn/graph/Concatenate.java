package dev.recur.nn.graph;

import dev.recur.autodiff.Variable;
import dev.recur.nn.Masked;
import dev.recur.tensor.Tensor;

import java.util.List;

/**
 * Keras's {@code Concatenate(axis)}: joins inputs along {@code axis} (counted with the batch as
 * axis 0, negative from the end; -1 by default). Joining along time (axis 1 of a sequence) joins
 * the masks too, a missing mask counting as all ones; along another axis the masks are and-ed.
 */
public final class Concatenate extends Merge {

    private final int axis; // as given, batch included

    public Concatenate(int axis) {
        super("concatenate");
        if (axis == 0) {
            throw new IllegalArgumentException("Concatenate axis 0 is the batch; join along a feature or time axis"
                    + " (axis >= 1, or negative from the end, e.g. -1)");
        }
        this.axis = axis;
    }

    public Concatenate() {
        this(-1);
    }

    public int axis() {
        return axis;
    }

    @Override
    public String type() {
        return "Concatenate";
    }

    /** The axis of the batch-first tensor for inputs of this rank (batch excluded). */
    private int resolved(int rank) {
        int a = axis < 0 ? rank + 1 + axis : axis;
        if (a < 1 || a > rank) {
            throw new IllegalArgumentException("Concatenate layer " + name() + " joins along axis " + axis
                    + " but its inputs have rank " + (rank + 1) + " (batch included)");
        }
        return a;
    }

    @Override
    int[] outputShape(List<int[]> shapes) {
        int rank = shapes.getFirst().length;
        int a = resolved(rank);
        int[] out = shapes.getFirst().clone();
        out[a - 1] = 0;
        for (int[] s : shapes) {
            boolean ok = s.length == rank;
            for (int d = 0; ok && d < rank; d++) {
                ok = d == a - 1 || s[d] == shapes.getFirst()[d];
            }
            if (!ok) {
                throw new IllegalArgumentException("Concatenate layer " + name() + " along axis " + axis + " needs inputs"
                        + " of equal shape except on that axis but received " + shapes(shapes));
            }
            out[a - 1] = out[a - 1] == -1 || s[a - 1] == -1 ? -1 : out[a - 1] + s[a - 1];
        }
        return out;
    }

    @Override
    Masked merge(List<Masked> inputs) {
        Variable[] values = inputs.stream().map(Masked::value).toArray(Variable[]::new);
        int a = resolved(values[0].value().rank() - 1);
        Variable joined = Variable.concat(a, values);
        boolean anyMask = inputs.stream().anyMatch(Masked::hasMask);
        if (!anyMask || joined.value().rank() < 3) {
            return Masked.of(joined);
        }
        if (a != 1) {
            return new Masked(joined, andMasks(inputs));
        }
        Tensor[] masks = new Tensor[inputs.size()];
        for (int i = 0; i < masks.length; i++) {
            Tensor v = values[i].value();
            masks[i] = inputs.get(i).hasMask() ? inputs.get(i).mask() : Tensor.full(v.dtype(), 1, v.dim(0), v.dim(1));
        }
        return new Masked(joined, Tensor.concat(1, masks));
    }

    @Override
    public String spec() {
        return specOf(axis == -1 ? null : "axis=" + axis);
    }
}
