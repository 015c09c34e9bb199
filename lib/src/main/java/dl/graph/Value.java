package dl.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A node of a computational graph (계산 그래프): a number that remembers the operation that made it and
 * the local gradient (국소 기울기) ∂out/∂input of that operation with respect to each input, computed in
 * the forward pass. {@link #backward()} then applies the chain rule (연쇄 법칙) from this node back to
 * every node it was computed from, in reverse topological order: each input receives
 * grad(input) += local gradient · grad(out), so a value used twice (a branch) adds up both gradients.
 *
 * <p>Local gradients of the operations (out = the result):
 * <pre>
 *   a + b      ∂/∂a = 1,        ∂/∂b = 1
 *   a − b      ∂/∂a = 1,        ∂/∂b = −1
 *   a · b      ∂/∂a = b,        ∂/∂b = a
 *   a / b      ∂/∂a = 1/b,      ∂/∂b = −a/b²
 *   −a         −1
 *   1/a        −1/a²
 *   aᵖ         p·aᵖ⁻¹           (p a constant)
 *   exp a      exp a = out
 *   ln a       1/a
 *   tanh a     1 − out²
 *   relu a     1 if a &gt; 0 else 0
 *   σ(a)       out·(1 − out)
 *   Σ aᵢ       1 for each aᵢ
 * </pre>
 * A value is immutable except for its gradient (set by backward) and its label ({@link #named}).
 * Every result must be finite: an operation whose value or local gradient is NaN or infinite throws an
 * {@link ArithmeticException} that names the operation and its inputs.
 */
public final class Value {
    private final double data;
    private final String op;
    private final Value[] parents;
    private final double[] local;
    private String label;
    private double grad;
    private boolean hasGrad;

    private Value(double data, String op, String label, Value[] parents, double[] local) {
        this.data = data;
        this.op = op;
        this.label = label;
        this.parents = parents;
        this.local = local;
    }

    /** An input (a leaf of the graph) without a label. */
    public static Value of(double value) {
        return of(value, "");
    }

    /** An input (a leaf of the graph) named {@code label}, e.g. {@code Value.of(100, "apple")}. */
    public static Value of(double value, String label) {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException((label.isEmpty() ? "the value" : "'" + label + "'") + " is " + value
                    + ": a graph's inputs must be finite numbers");
        }
        return new Value(value, "", label, new Value[0], new double[0]);
    }

    private static Value constant(double c, String where) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("the constant of " + where + " is " + c + ": it must be a finite number");
        }
        return new Value(c, "", fmt(c), new Value[0], new double[0]);
    }

    private static Value result(String op, double data, Value[] parents, double[] local) {
        boolean ok = Double.isFinite(data);
        for (double l : local) ok &= Double.isFinite(l);
        if (!ok) {
            StringBuilder in = new StringBuilder();
            for (Value p : parents) in.append(in.length() == 0 ? "" : ", ").append(p.describe());
            throw new ArithmeticException(op + " of " + in + " gives value " + data + " and local gradients "
                    + java.util.Arrays.toString(local) + ": not finite; this is where the NaN or infinity entered");
        }
        return new Value(data, op, "", parents, local);
    }

    private static Value req(Value v, String name) {
        return Objects.requireNonNull(v, name);
    }

    /** this + other; local gradients 1 and 1. */
    public Value add(Value other) {
        req(other, "other");
        return result("+", data + other.data, new Value[] {this, other}, new double[] {1, 1});
    }

    /** this + c for a constant c (drawn as a leaf). */
    public Value add(double c) {
        return add(constant(c, "add"));
    }

    /** this − other; local gradients 1 and −1. */
    public Value sub(Value other) {
        req(other, "other");
        return result("−", data - other.data, new Value[] {this, other}, new double[] {1, -1});
    }

    /** this − c for a constant c. */
    public Value sub(double c) {
        return sub(constant(c, "sub"));
    }

    /** this · other; local gradients: other's value for this, this's value for other (the inputs swapped). */
    public Value mul(Value other) {
        req(other, "other");
        return result("×", data * other.data, new Value[] {this, other}, new double[] {other.data, data});
    }

    /** this · c for a constant c. */
    public Value mul(double c) {
        return mul(constant(c, "mul"));
    }

    /** this / other; local gradients 1/other and −this/other². Division by 0 throws. */
    public Value div(Value other) {
        req(other, "other");
        if (other.data == 0) {
            throw new ArithmeticException("division by zero: the divisor " + other.describe() + " is 0");
        }
        return result("÷", data / other.data, new Value[] {this, other},
                new double[] {1 / other.data, -data / (other.data * other.data)});
    }

    /** this / c for a constant c. */
    public Value div(double c) {
        return div(constant(c, "div"));
    }

    /** −this; local gradient −1. */
    public Value neg() {
        return result("−x", -data, new Value[] {this}, new double[] {-1});
    }

    /** 1/this (DLFS's "/" node); local gradient −1/this² = −out². 1/0 throws. */
    public Value reciprocal() {
        if (data == 0) {
            throw new ArithmeticException("1/x of " + describe() + ": division by zero");
        }
        return result("1/x", 1 / data, new Value[] {this}, new double[] {-1 / (data * data)});
    }

    /** thisᵖ for a constant p; local gradient p·thisᵖ⁻¹. */
    public Value pow(double p) {
        if (!Double.isFinite(p)) {
            throw new IllegalArgumentException("the exponent of pow is " + p + ": it must be a finite number");
        }
        return result("^" + fmt(p), Math.pow(data, p), new Value[] {this}, new double[] {p * Math.pow(data, p - 1)});
    }

    /** e^this; local gradient e^this (the result itself). */
    public Value exp() {
        double e = Math.exp(data);
        return result("exp", e, new Value[] {this}, new double[] {e});
    }

    /** ln this (needs this &gt; 0); local gradient 1/this. */
    public Value log() {
        if (!(data > 0)) {
            throw new ArithmeticException("log of " + describe() + ": log needs a number > 0");
        }
        return result("log", Math.log(data), new Value[] {this}, new double[] {1 / data});
    }

    /** tanh this; local gradient 1 − tanh² this. */
    public Value tanh() {
        double t = Math.tanh(data);
        return result("tanh", t, new Value[] {this}, new double[] {1 - t * t});
    }

    /** max(0, this); local gradient 1 if this &gt; 0 else 0 (0 at 0, like {@link dl.activations.Relu}). */
    public Value relu() {
        return result("ReLU", Math.max(0, data), new Value[] {this}, new double[] {data > 0 ? 1 : 0});
    }

    /** σ(this) = 1/(1 + e^(−this)); local gradient σ(1 − σ). */
    public Value sigmoid() {
        double s = dl.activations.Sigmoid.sigmoid(data);
        return result("σ", s, new Value[] {this}, new double[] {s * (1 - s)});
    }

    /** Σ terms (one node with one edge per term); local gradient 1 for each term. */
    public static Value sum(List<Value> terms) {
        Objects.requireNonNull(terms, "terms");
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("sum of no terms: give at least one Value");
        }
        Value[] ps = new Value[terms.size()];
        double s = 0;
        for (int i = 0; i < ps.length; i++) {
            ps[i] = Objects.requireNonNull(terms.get(i), "terms[" + i + "]");
            s += ps[i].data;
        }
        double[] ones = new double[ps.length];
        java.util.Arrays.fill(ones, 1);
        return result("Σ", s, ps, ones);
    }

    /** Σ terms. */
    public static Value sum(Value... terms) {
        return sum(java.util.Arrays.asList(Objects.requireNonNull(terms, "terms")));
    }

    /** Gives this node a name for printing and drawing; returns this node. */
    public Value named(String label) {
        this.label = Objects.requireNonNull(label, "label");
        return this;
    }

    /** The forward value. */
    public double value() { return data; }

    /** The operation that made this node ("+", "×", "exp", …), "" for an input. */
    public String op() { return op; }

    /** The name given by {@link #of(double, String)} or {@link #named}, "" if none. */
    public String label() { return label; }

    /** True for an input (no operation made it). */
    public boolean isLeaf() { return parents.length == 0; }

    /** The inputs of the operation, in order (a value used twice appears twice). */
    public List<Value> parents() { return List.of(parents); }

    /** ∂this/∂parents().get(i) for each input, as computed in the forward pass. */
    public double[] localGradients() { return local.clone(); }

    /** True once a backward pass has reached this node. */
    public boolean hasGrad() { return hasGrad; }

    /**
     * ∂output/∂this of the last {@link #backward()} that reached this node.
     *
     * @throws IllegalStateException if no backward pass has reached it yet
     */
    public double grad() {
        if (!hasGrad) {
            throw new IllegalStateException("the gradient of " + describe() + " is not known yet: call backward() on the "
                    + "output it feeds (e.g. loss.backward()) first");
        }
        return grad;
    }

    /** Back-propagates from this node with ∂this/∂this = 1. */
    public void backward() {
        backward(List.of(this), new double[] {1});
    }

    /**
     * Back-propagation (역전파) from several outputs at once, output i starting with the upstream gradient
     * seeds[i] (∂L/∂outputᵢ of a loss L computed further on). Every node the outputs were computed from first gets
     * grad 0, so calling backward twice gives the same gradients (micrograd would add them up).
     */
    public static void backward(List<Value> outputs, double[] seeds) {
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(seeds, "seeds");
        if (outputs.size() != seeds.length) {
            throw new IllegalArgumentException(outputs.size() + " outputs but " + seeds.length + " upstream gradients");
        }
        for (int i = 0; i < seeds.length; i++) {
            Objects.requireNonNull(outputs.get(i), "outputs[" + i + "]");
            if (!Double.isFinite(seeds[i])) {
                throw new IllegalArgumentException("the upstream gradient of output " + i + " is " + seeds[i]);
            }
        }
        List<Value> order = topologicalOrder(outputs);
        for (Value v : order) {
            v.grad = 0;
            v.hasGrad = true;
        }
        for (int i = 0; i < seeds.length; i++) {
            outputs.get(i).grad += seeds[i];
        }
        for (int k = order.size() - 1; k >= 0; k--) {
            Value v = order.get(k);
            for (int j = 0; j < v.parents.length; j++) {
                Value p = v.parents[j];
                p.grad += v.local[j] * v.grad;
                if (!Double.isFinite(p.grad)) {
                    throw new ArithmeticException("backward: the gradient of " + p.describe() + " became " + p.grad
                            + " through " + v.op + " (local gradient " + v.local[j] + ", upstream " + v.grad + ")");
                }
            }
        }
    }

    /** This node and every node it was computed from, each input before the nodes made from it. */
    public List<Value> topologicalOrder() {
        return topologicalOrder(List.of(this));
    }

    static List<Value> topologicalOrder(List<Value> outputs) {
        List<Value> order = new ArrayList<>();
        Set<Value> done = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Map<Value, Integer> next = new java.util.IdentityHashMap<>();
        Deque<Value> stack = new ArrayDeque<>();   // iterative depth-first search: deep graphs do not overflow the stack
        for (Value out : outputs) {
            if (done.contains(out)) continue;
            stack.push(out);
            while (!stack.isEmpty()) {
                Value v = stack.peek();
                int i = next.getOrDefault(v, 0);
                if (i < v.parents.length) {
                    next.put(v, i + 1);
                    Value p = v.parents[i];
                    if (!done.contains(p) && !next.containsKey(p)) stack.push(p);
                } else {
                    stack.pop();
                    if (done.add(v)) order.add(v);
                }
            }
        }
        return order;
    }

    String describe() {
        String name = !label.isEmpty() ? "'" + label + "'" : op.isEmpty() ? "an input" : "the result of " + op;
        return name + " = " + data;
    }

    /** A short number: up to 4 decimals, trailing zeros dropped (220.00000000000003 → 220). */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(java.util.Locale.ROOT, Math.abs(v) >= 1e-3 || v == 0 ? "%.4f" : "%.3e", v);
        if (s.contains("e")) return s;
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    @Override
    public String toString() {
        String name = label.isEmpty() ? (op.isEmpty() ? "input" : op) : label;
        return name + " = " + fmt(data) + (hasGrad ? ", grad " + fmt(grad) : "");
    }
}
