package dev.recur.autodiff.ops;

import dev.recur.autodiff.Op;
import dev.recur.autodiff.Variable;
import dev.recur.tensor.Tensor;

/**
 * {@code y[p] = table[indices[p]]}: rows of a [rows, cols] table picked by index (an embedding
 * lookup); the result has shape {@code indexShape + [cols]}.
 */
public final class Gather extends Op {

    private final int[] indices; // row-major over indexShape

    private Gather(Variable table, int[] indices) {
        super(table);
        this.indices = indices;
    }

    public static Variable apply(Variable table, int[] indices, int... indexShape) {
        int[] own = indices.clone(); // the caller may reuse its array for the next batch
        return new Gather(table, own).output(table.value().gather(own, indexShape));
    }

    @Override
    protected void backward(Tensor dOut) {
        // dTable[indices[p]] += dy[p]; a row picked twice receives both gradients
        int cols = input(0).value().dim(1);
        Tensor dRows = dOut.reshape(indices.length, cols); // [positions, cols]
        for (int p = 0; p < indices.length; p++) {
            int row = indices[p];
            accumulate(0, dRows.select(0, p), grad -> grad.select(0, row));
        }
    }
}
