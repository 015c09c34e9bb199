package dl.tensors;

import dl.checks.Checks;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * An n-dimensional array (텐서, tensor) of doubles: a flat array {@code data} read through a
 * {@code shape} (d₀ × d₁ × … × d₍ₖ₋₁₎, k = the rank: 0 for a scalar, 1 for a vector, 2 for a matrix, …)
 * and {@code strides}. Element (i₀, …, i₍ₖ₋₁₎) lives at
 * <pre>
 *   data[offset + i₀·s₀ + i₁·s₁ + … + i₍ₖ₋₁₎·s₍ₖ₋₁₎]
 * </pre>
 * A new tensor is row-major (C order): the last index moves fastest, sⱼ = d₍ⱼ₊₁₎·…·d₍ₖ₋₁₎.
 * {@link #slice}, {@link #range} and {@link #permute} return <em>views</em> that share the data and only
 * change shape, strides and offset; {@link #reshape} shares the data when the tensor is contiguous.
 *
 * <p>The layers of the course work on matrices with one sample per row. {@link #asMatrix()} is that
 * view: an N × d₁ × … tensor becomes an N × (d₁·…) matrix, so a batch of images N×C×H×W is the
 * N × (C·H·W) matrix a dense or convolution layer takes.
 */
public final class Tensor {
    private final double[] data;
    private final int offset;
    private final int[] shape;
    private final int[] strides;

    private Tensor(double[] data, int offset, int[] shape, int[] strides) {
        this.data = data;
        this.offset = offset;
        this.shape = shape;
        this.strides = strides;
    }

    // ---------------------------------------------------------------- construction

    /** A tensor of zeros with the given shape (no dimensions: a scalar). */
    public static Tensor zeros(int... shape) {
        int[] s = checkShape(shape);
        // the memory before the allocation: a clear message instead of a bare OutOfMemoryError
        return new Tensor(new double[Checks.doubles(size(s), "a tensor of shape " + format(s))], 0, s, rowMajorStrides(s));
    }

    /** A 0-D tensor (스칼라, scalar) holding {@code value}. */
    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, 0, new int[0], new int[0]);
    }

    /** A tensor reading {@code data} (not copied) in row-major order; data.length must equal the product of the shape. */
    public static Tensor of(double[] data, int... shape) {
        Objects.requireNonNull(data, "data");
        int[] s = checkShape(shape);
        if (data.length != size(s)) {
            throw new IllegalArgumentException("shape " + format(s) + " holds " + size(s) + " values, but data has "
                    + data.length);
        }
        return new Tensor(data, 0, s, rowMajorStrides(s));
    }

    /** A 2-D tensor over the matrix's own data (not copied): rows × cols. */
    public static Tensor of(DMatrixRMaj m) {
        Objects.requireNonNull(m, "m");
        return of(view(m), m.numRows, m.numCols);
    }

    /** The matrix's data array when it holds exactly rows·cols values (EJML may keep a longer array). */
    private static double[] view(DMatrixRMaj m) {
        if (m.data.length != m.getNumElements()) {
            return Arrays.copyOf(m.data, m.getNumElements());
        }
        return m.data;
    }

    /**
     * The rows of a matrix read as tensors of shape {@code sampleShape}: an N × D matrix becomes
     * N × sampleShape (D must equal the product of sampleShape). Shares the data when possible.
     */
    public static Tensor fromMatrix(DMatrixRMaj m, int... sampleShape) {
        Objects.requireNonNull(m, "m");
        int[] s = checkShape(sampleShape);
        if (m.numCols != size(s)) {
            throw new IllegalArgumentException("a matrix of shape " + m.numRows + "×" + m.numCols
                    + " cannot be read as " + m.numRows + "×" + format(s) + ": rows have " + m.numCols
                    + " values, the sample shape " + format(s) + " needs " + size(s));
        }
        int[] full = new int[s.length + 1];
        full[0] = m.numRows;
        System.arraycopy(s, 0, full, 1, s.length);
        return of(view(m), full);
    }

    /** A tensor of the given shape filled with seeded standard-normal numbers. */
    public static Tensor randn(long seed, int... shape) {
        Tensor t = zeros(shape);
        java.util.Random rng = new java.util.Random(seed);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = rng.nextGaussian();
        }
        return t;
    }

    /** A 1-D tensor 0, 1, …, n−1. */
    public static Tensor arange(int n) {
        Tensor t = zeros(n);
        for (int i = 0; i < n; i++) {
            t.data[i] = i;
        }
        return t;
    }

    // ---------------------------------------------------------------- shape

    /** The number of dimensions (축, axes): 0 for a scalar, 1 for a vector, 2 for a matrix, … */
    public int rank() {
        return shape.length;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The length of one axis. */
    public int dim(int axis) {
        return shape[checkAxis(axis)];
    }

    /** A copy of the strides: how far (in elements of {@code data}) one step along each axis moves. */
    public int[] strides() {
        return strides.clone();
    }

    /** The number of elements, the product of the shape (1 for a scalar). */
    public int size() {
        return size(shape);
    }

    /** Whether the elements lie in row-major order at data[offset … offset+size−1]. */
    public boolean isContiguous() {
        return Arrays.equals(strides, rowMajorStrides(shape));
    }

    /** The shape as text, "2×3×4" ("scalar" for rank 0). */
    public String shapeString() {
        return format(shape);
    }

    // ---------------------------------------------------------------- elements

    /** The element at the given indices (one per axis). */
    public double get(int... index) {
        return data[position(index)];
    }

    /** Sets the element at the given indices. */
    public void set(double value, int... index) {
        data[position(index)] = value;
    }

    /** The value of a scalar (or of a tensor with one element). */
    public double item() {
        if (size() != 1) {
            throw new IllegalStateException("item() needs a tensor with one element, this one is " + shapeString());
        }
        return data[offset];
    }

    /** The elements in row-major order, as a new array. */
    public double[] toArray() {
        double[] out = new double[size()];
        int[] idx = new int[shape.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[positionUnchecked(idx)];
            increment(idx);
        }
        return out;
    }

    /** A contiguous row-major copy. */
    public Tensor copy() {
        return of(toArray(), shape);
    }

    // ---------------------------------------------------------------- views

    /**
     * The same elements read with another shape of the same size (one dimension may be −1: inferred).
     * Shares the data when this tensor is contiguous, else reshapes a copy.
     */
    public Tensor reshape(int... newShape) {
        Objects.requireNonNull(newShape, "newShape");
        int[] s = newShape.clone();
        int infer = -1;
        int known = 1;
        for (int j = 0; j < s.length; j++) {
            if (s[j] == -1 && infer < 0) {
                infer = j;
            } else if (s[j] < 0) {
                throw new IllegalArgumentException("cannot reshape " + shapeString() + " to " + Arrays.toString(newShape)
                        + ": negative length (only one −1 is allowed)");
            } else {
                known *= s[j];
            }
        }
        if (infer >= 0) {
            if (known == 0 || size() % known != 0) {
                throw new IllegalArgumentException("cannot reshape " + shapeString() + " (" + size() + " values) to "
                        + Arrays.toString(newShape) + ": " + size() + " is not a multiple of " + known);
            }
            s[infer] = size() / known;
        }
        if (size(s) != size()) {
            throw new IllegalArgumentException("cannot reshape " + shapeString() + " (" + size() + " values) to "
                    + format(s) + " (" + size(s) + " values)");
        }
        Tensor base = isContiguous() ? this : copy();
        return new Tensor(base.data, base.offset, s, rowMajorStrides(s));
    }

    /** A view with one axis fewer: the sub-tensor at position {@code index} of {@code axis}. */
    public Tensor slice(int axis, int index) {
        int a = checkAxis(axis);
        if (index < 0 || index >= shape[a]) {
            throw new IndexOutOfBoundsException("index " + index + " on axis " + a + " of a " + shapeString() + " tensor");
        }
        int[] s = new int[shape.length - 1];
        int[] st = new int[shape.length - 1];
        for (int j = 0, k = 0; j < shape.length; j++) {
            if (j != a) {
                s[k] = shape[j];
                st[k++] = strides[j];
            }
        }
        return new Tensor(data, offset + index * strides[a], s, st);
    }

    /** A view keeping positions from … to−1 of {@code axis} (same rank). */
    public Tensor range(int axis, int from, int to) {
        int a = checkAxis(axis);
        if (from < 0 || to > shape[a] || from > to) {
            throw new IndexOutOfBoundsException("range " + from + "…" + to + " on axis " + a + " of a " + shapeString()
                    + " tensor");
        }
        int[] s = shape.clone();
        s[a] = to - from;
        return new Tensor(data, offset + from * strides[a], s, strides.clone());
    }

    /**
     * A view with the axes reordered: axis j of the result is axis {@code axes[j]} of this tensor
     * (NumPy's transpose). E.g. permute(0, 2, 3, 1) turns N×C×H×W into N×H×W×C.
     */
    public Tensor permute(int... axes) {
        Objects.requireNonNull(axes, "axes");
        if (axes.length != shape.length) {
            throw new IllegalArgumentException("permute of a " + shapeString() + " tensor needs " + shape.length
                    + " axes, got " + Arrays.toString(axes));
        }
        boolean[] seen = new boolean[shape.length];
        int[] s = new int[shape.length];
        int[] st = new int[shape.length];
        for (int j = 0; j < axes.length; j++) {
            int a = checkAxis(axes[j]);
            if (seen[a]) {
                throw new IllegalArgumentException("permute: axis " + a + " appears twice in " + Arrays.toString(axes));
            }
            seen[a] = true;
            s[j] = shape[a];
            st[j] = strides[a];
        }
        return new Tensor(data, offset, s, st);
    }

    /**
     * The matrix view the layers use: the first axis stays (one sample per row), the others are
     * flattened in row-major order, N × (d₁·d₂·…). A vector becomes 1 × d₀, a scalar 1 × 1. The matrix
     * shares the data when the tensor is contiguous and starts at the beginning of its array.
     */
    public DMatrixRMaj asMatrix() {
        int rows = shape.length < 2 ? 1 : shape[0];
        int cols = 1;
        for (int j = shape.length < 2 ? 0 : 1; j < shape.length; j++) {
            cols *= shape[j];
        }
        if (isContiguous() && offset == 0 && data.length == size()) {
            return DMatrixRMaj.wrap(rows, cols, data);
        }
        return DMatrixRMaj.wrap(rows, cols, toArray());
    }

    // ---------------------------------------------------------------- element-wise operations

    /** A new tensor f(x) for every element x. */
    public Tensor map(DoubleUnaryOperator f) {
        Objects.requireNonNull(f, "f");
        double[] v = toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(v[i]);
        }
        return of(v, shape);
    }

    /** Element-wise sum, this + other (same shapes). */
    public Tensor plus(Tensor other) {
        return zip(other, "plus", Double::sum);
    }

    /** Element-wise difference, this − other (same shapes). */
    public Tensor minus(Tensor other) {
        return zip(other, "minus", (a, b) -> a - b);
    }

    /** Element-wise (Hadamard, ⊙) product, this ⊙ other (same shapes). */
    public Tensor times(Tensor other) {
        return zip(other, "times", (a, b) -> a * b);
    }

    /** Every element multiplied by c. */
    public Tensor times(double c) {
        return map(x -> c * x);
    }

    /** A new tensor f(a, b) element by element (same shapes). */
    public Tensor zip(Tensor other, String what, DoubleBinaryOperator f) {
        Objects.requireNonNull(other, "other");
        if (!Arrays.equals(shape, other.shape)) {
            throw new IllegalArgumentException(what + ": shapes differ, " + shapeString() + " and " + other.shapeString());
        }
        double[] a = toArray();
        double[] b = other.toArray();
        for (int i = 0; i < a.length; i++) {
            a[i] = f.applyAsDouble(a[i], b[i]);
        }
        return of(a, shape);
    }

    /** The sum of all elements. */
    public double sum() {
        double s = 0;
        for (double v : toArray()) {
            s += v;
        }
        return s;
    }

    /** The largest element (NaN if any element is NaN); an empty tensor has none and is refused. */
    public double max() {
        if (size() == 0) {
            throw new IllegalStateException("max() of the empty tensor " + shapeString() + ": it has no elements, so no"
                    + " largest one; check its size first");
        }
        double m = Double.NEGATIVE_INFINITY;
        for (double v : toArray()) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The elements of a 2-D tensor as rows (e.g. an image for a heat map). */
    public double[][] toMatrixArray() {
        if (shape.length != 2) {
            throw new IllegalStateException("toMatrixArray() needs a 2-D tensor, this one is " + shapeString());
        }
        double[][] out = new double[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) {
            for (int j = 0; j < shape[1]; j++) {
                out[i][j] = data[offset + i * strides[0] + j * strides[1]];
            }
        }
        return out;
    }

    /** "Tensor 2×3 [[1, 2, 3], [4, 5, 6]]"; tensors with more than 64 elements print only their shape. */
    @Override
    public String toString() {
        if (size() > 64) {
            return "Tensor " + shapeString() + " (" + size() + " values)";
        }
        StringBuilder sb = new StringBuilder("Tensor ").append(shapeString()).append(' ');
        append(sb, 0, offset);
        return sb.toString();
    }

    private void append(StringBuilder sb, int axis, int pos) {
        if (axis == shape.length) {
            double v = data[pos];
            sb.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format("%.4g", v));
            return;
        }
        sb.append('[');
        for (int i = 0; i < shape[axis]; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            append(sb, axis + 1, pos + i * strides[axis]);
        }
        sb.append(']');
    }

    // ---------------------------------------------------------------- helpers

    /** "2×3×4" for a shape, "scalar" for no dimensions. */
    public static String format(int... shape) {
        if (shape.length == 0) {
            return "scalar";
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < shape.length; j++) {
            sb.append(j == 0 ? "" : "×").append(shape[j]);
        }
        return sb.toString();
    }

    private static int[] checkShape(int[] shape) {
        Objects.requireNonNull(shape, "shape");
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative length");
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                long[] sizes = Arrays.stream(shape).asLongStream().toArray();
                long all = Checks.product(sizes);
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2³¹ elements ("
                        + (all == Long.MAX_VALUE ? "over 9.2E18" : all) + " values, " + (all > Long.MAX_VALUE / Double.BYTES
                        ? "more than 9 EB" : String.format(java.util.Locale.ROOT, "%.1f GB", all * (double) Double.BYTES / 1e9))
                        + " of memory as doubles) but a Java array holds at most 2³¹ − 1 values: use smaller sizes");
            }
        }
        return shape.clone();
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static int[] rowMajorStrides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int j = shape.length - 1; j >= 0; j--) {
            st[j] = s;
            s *= shape[j];
        }
        return st;
    }

    private int checkAxis(int axis) {
        if (axis < 0 || axis >= shape.length) {
            throw new IllegalArgumentException("axis " + axis + " does not exist in a " + shapeString() + " tensor (rank "
                    + shape.length + ")");
        }
        return axis;
    }

    private int position(int[] index) {
        Objects.requireNonNull(index, "index");
        if (index.length != shape.length) {
            throw new IllegalArgumentException("a " + shapeString() + " tensor needs " + shape.length + " indices, got "
                    + index.length + " " + Arrays.toString(index));
        }
        for (int j = 0; j < index.length; j++) {
            if (index[j] < 0 || index[j] >= shape[j]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is outside the shape "
                        + shapeString());
            }
        }
        return positionUnchecked(index);
    }

    private int positionUnchecked(int[] index) {
        int p = offset;
        for (int j = 0; j < index.length; j++) {
            p += index[j] * strides[j];
        }
        return p;
    }

    /** Advances a row-major multi-index by one. */
    private void increment(int[] idx) {
        for (int j = idx.length - 1; j >= 0; j--) {
            if (++idx[j] < shape[j]) {
                return;
            }
            idx[j] = 0;
        }
    }
}
