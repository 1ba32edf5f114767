package dev.recur.tensor;

import java.util.Arrays;

/** Joining tensors (concat, stack) and picking rows of a table (gather, the embedding lookup). */
final class Joins {

    private Joins() {
    }

    static Tensor concat(int dim, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: no tensors given");
        }
        Tensor first = parts[0];
        int a = Shapes.axis("concat", dim, first.rank());
        int total = 0;
        for (Tensor p : parts) {
            if (p.dtype() != first.dtype()) {
                throw new IllegalArgumentException("concat: element types differ (" + first.dtype() + " "
                        + first.shapeString() + " and " + p.dtype() + " " + p.shapeString() + "); convert one with to(DType)");
            }
            if (p.rank() != first.rank()) {
                throw new IllegalArgumentException("concat: shapes " + first.shapeString() + " and " + p.shapeString()
                        + " have different ranks");
            }
            for (int i = 0; i < first.rank(); i++) {
                if (i != a && p.dim(i) != first.dim(i)) {
                    throw new IllegalArgumentException("concat along dimension " + dim + ": shapes " + first.shapeString()
                            + " and " + p.shapeString() + " differ in dimension " + i);
                }
            }
            total += p.dim(a);
        }
        int[] s = first.shape();
        s[a] = total;
        Tensor out = Tensor.zeros(first.dtype(), s);
        int at = 0;
        for (Tensor p : parts) {
            out.slice(a, at, at + p.dim(a)).copyFrom(p);
            at += p.dim(a);
        }
        return out;
    }

    static Tensor stack(int dim, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("stack: no tensors given");
        }
        Tensor first = parts[0];
        Shapes.axis("stack", dim, first.rank() + 1);
        Tensor[] expanded = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].hasShape(first.shape())) {
                throw new IllegalArgumentException("stack: shapes " + first.shapeString() + " and "
                        + parts[i].shapeString() + " differ; stacked tensors must have one shape");
            }
            if (parts[i].dtype() != first.dtype()) {
                throw new IllegalArgumentException("stack: element types differ (" + first.dtype() + " and "
                        + parts[i].dtype() + "); convert one with to(DType)");
            }
            expanded[i] = parts[i].unsqueeze(dim);
        }
        return concat(dim, expanded);
    }

    /** Rows of {@code table} [rows, cols] picked by {@code indices} of shape S: the result is S + [cols]. */
    static Tensor gather(Tensor table, int[] indices, int... indexShape) {
        if (table.rank() != 2) {
            throw new IllegalArgumentException("gather: expected a [rows, cols] table but the shape is " + table.shapeString());
        }
        Tensor.checkLength("gather indices", indices.length, indexShape);
        int rows = table.dim(0);
        int cols = table.dim(1);
        int[] s = Arrays.copyOf(indexShape, indexShape.length + 1);
        s[indexShape.length] = cols;
        Tensor out = Tensor.zeros(table.dtype(), s);
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            if (r < 0 || r >= rows) {
                throw new IndexOutOfBoundsException("gather: index " + r + " at position " + i
                        + " is outside the table's " + rows + " rows (valid: 0.." + (rows - 1) + ")");
            }
            copyRow(table.select(0, r), out, i * cols);
        }
        return out;
    }

    /** Copies a row (any layout) into the dense {@code out} at {@code outOffset}. */
    private static void copyRow(Tensor row, Tensor out, int outOffset) {
        int cols = row.size();
        boolean f32 = out.dtype() == DType.FLOAT32;
        if (row.isContiguous()) {
            if (f32) {
                System.arraycopy(row.floats(), row.offset(), out.floats(), outOffset, cols);
            } else {
                System.arraycopy(row.doubles(), row.offset(), out.doubles(), outOffset, cols);
            }
            return;
        }
        for (int c = 0; c < cols; c++) {
            out.setFlat(outOffset + c, row.getFlat(c));
        }
    }
}
