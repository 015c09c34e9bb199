package dl.tensors;

/**
 * Input checks shared by the tensor, convolution and recurrent layers: a clear message at the boundary.
 * (Finiteness of data is checked by {@link dl.data.Finite}, the one place for that.)
 */
public final class Checks {
    private Checks() {
    }

    /** Throws NullPointerException naming {@code name} when {@code value} is null; returns the value. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /** Throws IllegalArgumentException unless {@code value} ≥ {@code min}. */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be ≥ " + min + ", got " + value);
        }
        return value;
    }
}
