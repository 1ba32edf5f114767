package dev.recur.tensor;

import dev.recur.kernel.Backend;
import dev.recur.kernel.Binary;
import dev.recur.kernel.Kernels;
import dev.recur.kernel.Transpose;
import dev.recur.kernel.Unary;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * An n-dimensional array of float32 or float64, row-major, batch-first by convention
 * ({@code [batch, time, features]}).
 *
 * <p>A tensor is a view: a backing array, an offset and strides. {@link #reshape}, {@link #transpose},
 * {@link #slice} and {@link #select} return views sharing the data where they can; operations
 * that compute return new dense tensors. Tensors are mutable only through {@link #set},
 * {@link #fill} and the {@code *InPlace} methods, which optimizers and gradient buffers use.
 */
public final class Tensor {

    private final DType dtype;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    private final float[] f; // FLOAT32 data, or null
    private final double[] d; // FLOAT64 data, or null

    private Tensor(DType dtype, int[] shape, int[] strides, int offset, float[] f, double[] d) {
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.f = f;
        this.d = d;
    }

    // ---- creation --------------------------------------------------------------------------

    /** A float32 tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return zeros(DType.FLOAT32, shape);
    }

    /** A tensor of zeros. */
    public static Tensor zeros(DType dtype, int... shape) {
        int[] s = shape.clone();
        int n = Shapes.size(s);
        return dtype == DType.FLOAT32
                ? new Tensor(dtype, s, Shapes.contiguousStrides(s), 0, new float[n], null)
                : new Tensor(dtype, s, Shapes.contiguousStrides(s), 0, null, new double[n]);
    }

    /** A tensor with every element equal to {@code value}. */
    public static Tensor full(DType dtype, double value, int... shape) {
        return zeros(dtype, shape).fill(value);
    }

    /** A float32 scalar (rank 0). */
    public static Tensor scalar(double value) {
        return full(DType.FLOAT32, value);
    }

    /** A scalar (rank 0) of the given type. */
    public static Tensor scalar(DType dtype, double value) {
        return full(dtype, value);
    }

    /** Wraps a float array (not copied) as a dense float32 tensor of this shape. */
    public static Tensor of(float[] data, int... shape) {
        checkLength("Tensor.of", data.length, shape);
        return new Tensor(DType.FLOAT32, shape.clone(), Shapes.contiguousStrides(shape), 0, data, null);
    }

    /** Wraps a double array (not copied) as a dense float64 tensor of this shape. */
    public static Tensor of(double[] data, int... shape) {
        checkLength("Tensor.of", data.length, shape);
        return new Tensor(DType.FLOAT64, shape.clone(), Shapes.contiguousStrides(shape), 0, null, data);
    }

    /** Uniform random values in [lo, hi) drawn from {@code rng} in row-major order. */
    public static Tensor uniform(RandomGenerator rng, DType dtype, double lo, double hi, int... shape) {
        Tensor t = zeros(dtype, shape);
        float below = Math.nextDown((float) hi); // the largest float32 under hi
        for (int i = 0, n = t.size(); i < n; i++) {
            double v = lo + (hi - lo) * rng.nextDouble();
            // a double just under hi can round up to hi in float32, outside the half-open range
            t.setFlat(i, dtype == DType.FLOAT32 && (float) v >= hi ? below : v);
        }
        return t;
    }

    /** Gaussian random values with the given mean and standard deviation, row-major order. */
    public static Tensor normal(RandomGenerator rng, DType dtype, double mean, double std, int... shape) {
        Tensor t = zeros(dtype, shape);
        for (int i = 0, n = t.size(); i < n; i++) {
            t.setFlat(i, mean + std * rng.nextGaussian());
        }
        return t;
    }

    static void checkLength(String op, int length, int[] shape) {
        if (Shapes.size(shape) != length) {
            throw new IllegalArgumentException(op + ": " + length + " values do not fill shape "
                    + Shapes.str(shape) + " (" + Shapes.size(shape) + " elements)");
        }
    }

    // ---- description -----------------------------------------------------------------------

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code dim}; negative counts from the end. */
    public int dim(int dim) {
        return shape[Shapes.axis("dim", dim, shape.length)];
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return Shapes.size(shape);
    }

    /** A copy of the strides, in elements. */
    public int[] strides() {
        return strides.clone();
    }

    /** Offset of the first element in the backing array. */
    public int offset() {
        return offset;
    }

    /** Whether the elements lie densely in row-major order from {@link #offset()}. */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /** Whether this tensor has the given shape. */
    public boolean hasShape(int... s) {
        return Arrays.equals(shape, s);
    }

    /** Shape as text, e.g. {@code [32, 100, 5]}. */
    public String shapeString() {
        return Shapes.str(shape);
    }

    // ---- raw access, for kernels -----------------------------------------------------------

    /** The backing float array of a float32 tensor (elements start at {@link #offset()}). */
    public float[] floats() {
        if (f == null) {
            throw new IllegalStateException("floats(): tensor is " + dtype + "; use doubles() or to(DType.FLOAT32)");
        }
        return f;
    }

    /** The backing double array of a float64 tensor (elements start at {@link #offset()}). */
    public double[] doubles() {
        if (d == null) {
            throw new IllegalStateException("doubles(): tensor is " + dtype + "; use floats() or to(DType.FLOAT64)");
        }
        return d;
    }

    // ---- element access --------------------------------------------------------------------

    private int index(int[] idx) {
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(idx) + " has " + idx.length
                    + " coordinates but the tensor has shape " + Shapes.str(shape));
        }
        int at = offset;
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(idx) + " is out of bounds for shape "
                        + Shapes.str(shape));
            }
            at += idx[i] * strides[i];
        }
        return at;
    }

    /** Position in the backing array of the i-th element in row-major order. */
    private int flatIndex(int i) {
        if (shape.length == 0) {
            return offset;
        }
        int at = offset;
        for (int k = shape.length - 1; k >= 0; k--) {
            int s = shape[k];
            at += (i % s) * strides[k];
            i /= s;
        }
        return at;
    }

    /** The element at these coordinates. */
    public double get(int... idx) {
        int at = index(idx);
        return f != null ? f[at] : d[at];
    }

    /** Sets the element at these coordinates. */
    public void set(double value, int... idx) {
        int at = index(idx);
        if (f != null) {
            f[at] = (float) value;
        } else {
            d[at] = value;
        }
    }

    /** The i-th element in row-major order. */
    public double getFlat(int i) {
        int at = flatIndex(i);
        return f != null ? f[at] : d[at];
    }

    /** Sets the i-th element in row-major order. */
    public void setFlat(int i, double value) {
        int at = flatIndex(i);
        if (f != null) {
            f[at] = (float) value;
        } else {
            d[at] = value;
        }
    }

    /** The value of a one-element tensor. */
    public double item() {
        if (size() != 1) {
            throw new IllegalStateException("item(): tensor of shape " + Shapes.str(shape) + " has " + size()
                    + " elements, not 1");
        }
        return getFlat(0);
    }

    /** Fills every element with {@code value}; returns this. */
    public Tensor fill(double value) {
        if (isContiguous()) {
            int n = size();
            if (f != null) {
                Arrays.fill(f, offset, offset + n, (float) value);
            } else {
                Arrays.fill(d, offset, offset + n, value);
            }
        } else {
            for (int i = 0, n = size(); i < n; i++) {
                setFlat(i, value);
            }
        }
        return this;
    }

    /** The elements in row-major order as a new float array. */
    public float[] toFloatArray() {
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) getFlat(i);
        }
        return out;
    }

    /** The elements in row-major order as a new double array. */
    public double[] toDoubleArray() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getFlat(i);
        }
        return out;
    }

    // ---- views -----------------------------------------------------------------------------

    /**
     * The same elements in a new shape; one dimension may be -1 (inferred). A view when this
     * tensor is contiguous, a copy otherwise.
     */
    public Tensor reshape(int... newShape) {
        int[] s = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] < -1) {
                throw new IllegalArgumentException("reshape " + Shapes.str(shape) + " -> " + Shapes.str(newShape)
                        + ": dimension " + i + " is " + s[i] + "; sizes must be >= 0, or -1 for one inferred size");
            }
            if (s[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape " + Shapes.str(shape) + " -> " + Shapes.str(newShape)
                            + ": only one dimension may be -1");
                }
                infer = i;
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || size() % known != 0) {
                throw new IllegalArgumentException("reshape " + Shapes.str(shape) + " -> " + Shapes.str(newShape)
                        + ": " + size() + " elements cannot be split into rows of " + known + " to infer the -1");
            }
            s[infer] = (int) (size() / known);
        } else if (known != size()) {
            throw new IllegalArgumentException("reshape " + Shapes.str(shape) + " -> " + Shapes.str(newShape)
                    + ": " + size() + " elements do not fit " + known);
        }
        Tensor src = contiguous();
        return new Tensor(dtype, s, Shapes.contiguousStrides(s), src.offset, src.f, src.d);
    }

    /** A view of the same elements with other shape and strides (the caller checks they stay in range). */
    Tensor view(int[] newShape, int[] newStrides) {
        return new Tensor(dtype, newShape, newStrides, offset, f, d);
    }

    /** Swaps two dimensions (a view; no data moves). */
    public Tensor transpose(int dim0, int dim1) {
        int a = Shapes.axis("transpose", dim0, shape.length);
        int b = Shapes.axis("transpose", dim1, shape.length);
        int[] s = shape.clone();
        int[] st = strides.clone();
        s[a] = shape[b];
        s[b] = shape[a];
        st[a] = strides[b];
        st[b] = strides[a];
        return new Tensor(dtype, s, st, offset, f, d);
    }

    /** The transpose of a matrix (a view). */
    public Tensor t() {
        if (shape.length != 2) {
            throw new IllegalArgumentException("t(): expected a matrix but the shape is " + Shapes.str(shape));
        }
        return transpose(0, 1);
    }

    /** Elements {@code start} (inclusive) to {@code end} (exclusive) along {@code dim} (a view). */
    public Tensor slice(int dim, int start, int end) {
        int a = Shapes.axis("slice", dim, shape.length);
        if (start > end) {
            throw new IllegalArgumentException("slice: start " + start + " is after end " + end + " along dimension "
                    + dim + " of shape " + Shapes.str(shape));
        }
        if (start < 0 || end > shape[a]) {
            throw new IllegalArgumentException("slice: range [" + start + ", " + end + ") along dimension " + dim
                    + " is outside [0, " + shape[a] + ") of shape " + Shapes.str(shape));
        }
        int[] s = shape.clone();
        s[a] = end - start;
        return new Tensor(dtype, s, strides.clone(), offset + start * strides[a], f, d);
    }

    /** Index {@code index} along {@code dim}, removing that dimension (a view). */
    public Tensor select(int dim, int index) {
        int a = Shapes.axis("select", dim, shape.length);
        if (index < 0 || index >= shape[a]) {
            throw new IndexOutOfBoundsException("select: index " + index + " along dimension " + dim
                    + " is out of bounds for shape " + Shapes.str(shape));
        }
        int[] s = new int[shape.length - 1];
        int[] st = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != a) {
                s[j] = shape[i];
                st[j++] = strides[i];
            }
        }
        return new Tensor(dtype, s, st, offset + index * strides[a], f, d);
    }

    /** Inserts a dimension of size 1 at {@code dim} (a view). */
    public Tensor unsqueeze(int dim) {
        int a = dim < 0 ? dim + shape.length + 1 : dim;
        if (a < 0 || a > shape.length) {
            throw new IllegalArgumentException("unsqueeze: dimension " + dim + " is out of range for a tensor of rank "
                    + shape.length + " (valid: " + (-shape.length - 1) + ".." + shape.length + ")");
        }
        int[] s = new int[shape.length + 1];
        int[] st = new int[shape.length + 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i == a) {
                s[i] = 1;
                st[i] = a < shape.length ? strides[a] * shape[a] : 1;
            } else {
                s[i] = shape[j];
                st[i] = strides[j++];
            }
        }
        return new Tensor(dtype, s, st, offset, f, d);
    }

    // ---- copies ----------------------------------------------------------------------------

    /** This tensor if dense, otherwise a dense copy. */
    public Tensor contiguous() {
        return isContiguous() ? this : copy();
    }

    /** A dense copy that shares nothing with this tensor. */
    public Tensor copy() {
        Tensor out = zeros(dtype, shape);
        out.copyFrom(this);
        return out;
    }

    /** This tensor converted to another element type (this tensor itself if already that type). */
    public Tensor to(DType type) {
        if (type == dtype) {
            return this;
        }
        Tensor out = zeros(type, shape);
        out.copyFrom(this);
        return out;
    }

    /** Copies the elements of {@code src} (same shape, any type) into this tensor; returns this. */
    public Tensor copyFrom(Tensor src) {
        if (!Arrays.equals(shape, src.shape)) {
            throw new IllegalArgumentException("copyFrom: source shape " + Shapes.str(src.shape)
                    + " differs from destination shape " + Shapes.str(shape));
        }
        int n = size();
        if (dtype == src.dtype && isContiguous() && src.isContiguous()) {
            if (f != null) {
                System.arraycopy(src.f, src.offset, f, offset, n);
            } else {
                System.arraycopy(src.d, src.offset, d, offset, n);
            }
            return this;
        }
        for (int i = 0; i < n; i++) {
            setFlat(i, src.getFlat(i));
        }
        return this;
    }

    /** Tensors of equal shapes (except along {@code dim}) joined along {@code dim}. */
    public static Tensor concat(int dim, Tensor... parts) {
        return Joins.concat(dim, parts);
    }

    /** Tensors of one shape stacked along a new dimension {@code dim}. */
    public static Tensor stack(int dim, Tensor... parts) {
        return Joins.stack(dim, parts);
    }

    /**
     * Rows of this matrix picked by index (an embedding lookup): for a table [rows, cols] and
     * indices of shape S, the result has shape S + [cols].
     */
    public Tensor gather(int[] indices, int... indexShape) {
        return Joins.gather(this, indices, indexShape);
    }

    // ---- elementwise -----------------------------------------------------------------------

    public Tensor add(Tensor other) {
        return Elementwise.binary("add", Binary.ADD, this, other);
    }

    public Tensor sub(Tensor other) {
        return Elementwise.binary("sub", Binary.SUB, this, other);
    }

    public Tensor mul(Tensor other) {
        return Elementwise.binary("mul", Binary.MUL, this, other);
    }

    public Tensor div(Tensor other) {
        return Elementwise.binary("div", Binary.DIV, this, other);
    }

    public Tensor maximum(Tensor other) {
        return Elementwise.binary("maximum", Binary.MAX, this, other);
    }

    public Tensor minimum(Tensor other) {
        return Elementwise.binary("minimum", Binary.MIN, this, other);
    }

    /** Adds a scalar to every element. */
    public Tensor add(double value) {
        return add(scalar(dtype, value));
    }

    /** Multiplies every element by a scalar. */
    public Tensor mul(double value) {
        return mul(scalar(dtype, value));
    }

    /** {@code f} applied to every element. */
    public Tensor map(Unary f) {
        return Elementwise.unary(f, this);
    }

    public Tensor neg() {
        return map(Unary.NEG);
    }

    public Tensor exp() {
        return map(Unary.EXP);
    }

    public Tensor log() {
        return map(Unary.LOG);
    }

    public Tensor tanh() {
        return map(Unary.TANH);
    }

    public Tensor sigmoid() {
        return map(Unary.SIGMOID);
    }

    public Tensor relu() {
        return map(Unary.RELU);
    }

    public Tensor sqrt() {
        return map(Unary.SQRT);
    }

    public Tensor abs() {
        return map(Unary.ABS);
    }

    public Tensor square() {
        return map(Unary.SQUARE);
    }

    /** {@code this += alpha * x} for a tensor x of the same shape; returns this. */
    public Tensor addInPlace(Tensor x, double alpha) {
        if (!Arrays.equals(shape, x.shape) || dtype != x.dtype) {
            throw new IllegalArgumentException("addInPlace: shapes " + shapeString() + " (" + dtype + ") and "
                    + x.shapeString() + " (" + x.dtype + ") must be equal");
        }
        Tensor src = x.contiguous();
        if (isContiguous()) {
            Kernels k = Backend.kernels();
            if (f != null) {
                k.axpy(size(), (float) alpha, src.f, src.offset, f, offset);
            } else {
                k.axpy(size(), alpha, src.d, src.offset, d, offset);
            }
        } else {
            for (int i = 0, n = size(); i < n; i++) {
                setFlat(i, getFlat(i) + alpha * src.getFlat(i));
            }
        }
        return this;
    }

    // ---- matrix multiply -------------------------------------------------------------------

    /**
     * Matrix product of [m, k] and [k, n]. Operands that are transposed views of dense matrices
     * are passed to the kernel as transposed, without copies.
     */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other);
    }

    /**
     * Batched matrix product {@code [..., m, k] x [..., k, n] -> [..., m, n]} over equal leading
     * dimensions. Transposed views of the last two dimensions are passed without copies.
     */
    public Tensor bmm(Tensor other) {
        return MatMul.bmm(this, other);
    }

    // ---- reductions ------------------------------------------------------------------------

    /** Sum of all elements as a scalar tensor. */
    public Tensor sum() {
        return Reductions.sumAll(this);
    }

    /** Sums along {@code dim}, removing it. */
    public Tensor sum(int dim) {
        return Reductions.sum(this, dim);
    }

    /** Mean of all elements as a scalar tensor. */
    public Tensor mean() {
        return Reductions.mean(this);
    }

    /** Maximum along {@code dim}, removing it. */
    public Tensor max(int dim) {
        return Reductions.max(this, dim);
    }

    /** Index of the maximum along the last dimension (first one on ties), shape without it. */
    public int[] argmax() {
        return Reductions.argmaxLast(this);
    }

    /**
     * Sums this tensor down to {@code target}, a shape it was broadcast from (the gradient of
     * broadcasting). Returns this tensor itself when it already has that shape.
     */
    public Tensor sumTo(int... target) {
        return Reductions.sumTo(this, target);
    }

    /** Softmax over the last dimension, computed stably. */
    public Tensor softmax() {
        return Reductions.rowwise("softmax", this, Reductions.Rowwise.SOFTMAX);
    }

    /** Log-softmax over the last dimension, computed stably. */
    public Tensor logSoftmax() {
        return Reductions.rowwise("logSoftmax", this, Reductions.Rowwise.LOG_SOFTMAX);
    }

    /** log(sum(exp(x))) over the last dimension, removing it; stable for large inputs. */
    public Tensor logSumExp() {
        return Reductions.rowwise("logSumExp", this, Reductions.Rowwise.LOG_SUM_EXP);
    }

    // ---- comparison and printing -----------------------------------------------------------

    /** Whether shapes are equal and every |a - b| <= atol + rtol * |b|. */
    public boolean allClose(Tensor other, double rtol, double atol) {
        if (!Arrays.equals(shape, other.shape)) {
            return false;
        }
        for (int i = 0, n = size(); i < n; i++) {
            double a = getFlat(i);
            double b = other.getFlat(i);
            if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b)) && !(a == b)) {
                return false;
            }
        }
        return true;
    }

    /** Largest |a - b| over all elements of two tensors of one shape. */
    public double maxAbsDiff(Tensor other) {
        if (!Arrays.equals(shape, other.shape)) {
            throw new IllegalArgumentException("maxAbsDiff: shapes " + shapeString() + " and " + other.shapeString() + " differ");
        }
        double m = 0;
        for (int i = 0, n = size(); i < n; i++) {
            m = Math.max(m, Math.abs(getFlat(i) - other.getFlat(i)));
        }
        return m;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor(").append(dtype).append(", ").append(shapeString()).append(", ");
        int n = size();
        sb.append('[');
        for (int i = 0; i < Math.min(n, 12); i++) {
            sb.append(i == 0 ? "" : ", ").append((float) getFlat(i));
        }
        return sb.append(n > 12 ? ", ...])" : "])").toString();
    }
}
