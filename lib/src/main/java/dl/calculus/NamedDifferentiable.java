package dl.calculus;

import java.util.function.DoubleUnaryOperator;

/** A {@link Differentiable} given by two formulas and a name. */
record NamedDifferentiable(String name, DoubleUnaryOperator f, DoubleUnaryOperator df)
        implements Differentiable {

    @Override
    public double value(double x) {
        return f.applyAsDouble(x);
    }

    @Override
    public double derivative(double x) {
        return df.applyAsDouble(x);
    }

    @Override
    public String toString() {
        return name;
    }

    /** 3.0 → "3", 0.5 → "0.5". */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String linearName(double a, double b) {
        return polynomialName(new double[] {b, a});
    }

    /** "3x^3 − 2x + 1" from {1, -2, 0, 3}. */
    static String polynomialName(double[] c) {
        StringBuilder sb = new StringBuilder();
        for (int k = c.length - 1; k >= 0; k--) {
            double ck = c[k];
            if (ck == 0) {
                continue;
            }
            double abs = Math.abs(ck);
            if (sb.length() == 0) {
                sb.append(ck < 0 ? "−" : "");
            } else {
                sb.append(ck < 0 ? " − " : " + ");
            }
            if (abs != 1 || k == 0) {
                sb.append(number(abs));
            }
            if (k >= 1) {
                sb.append('x');
            }
            if (k >= 2) {
                sb.append('^').append(k);
            }
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
