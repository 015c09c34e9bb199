package dl.graph;

import static org.junit.jupiter.api.Assertions.*;

import dl.activations.Activation;
import dl.calculus.Derivatives;
import dl.layers.ActivationLayer;
import dl.layers.Dense;
import dl.losses.SoftmaxCrossEntropy;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ValueTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
    }

    @Test
    void dlfsApples() {
        Value apple = Value.of(100, "apple"), num = Value.of(2, "num"), tax = Value.of(1.1, "tax");
        Value price = apple.mul(num).mul(tax);
        price.backward();
        assertEquals(220, price.value(), 1e-12);
        assertEquals(2.2, apple.grad(), 1e-12);
        assertEquals(110, num.grad(), 1e-12);
        assertEquals(200, tax.grad(), 1e-12);
        price.backward();   // twice: the same, not doubled
        assertEquals(2.2, apple.grad(), 1e-12);
    }

    @Test
    void dlfsApplesAndOranges() {
        Value apple = Value.of(100), an = Value.of(2), orange = Value.of(150), on = Value.of(3), tax = Value.of(1.1);
        Value price = apple.mul(an).add(orange.mul(on)).mul(tax);
        price.backward();
        assertEquals(715, price.value(), 1e-9);
        assertEquals(2.2, apple.grad(), 1e-12);
        assertEquals(110, an.grad(), 1e-9);
        assertEquals(3.3, orange.grad(), 1e-12);
        assertEquals(165, on.grad(), 1e-9);
        assertEquals(650, tax.grad(), 1e-9);
    }

    @Test
    void branchesAddUp() {
        Value x = Value.of(3, "x");
        Value y = x.mul(x).add(x);   // x² + x: dy/dx = 2x + 1
        y.backward();
        assertEquals(7, x.grad(), 1e-12);
    }

    @Test
    void everyOpAgainstCentralDifferences() {
        List<java.util.function.UnaryOperator<Value>> ops = List.of(
                v -> v.add(Value.of(0.3)), v -> v.sub(Value.of(0.7)).mul(v), v -> v.div(Value.of(1.7)), v -> Value.of(2).div(v),
                Value::neg, Value::reciprocal, v -> v.pow(3), v -> v.pow(0.5), Value::exp, Value::log, Value::tanh,
                Value::relu, Value::sigmoid, v -> Value.sum(v, v.mul(2), Value.of(1)));
        for (double x0 : new double[] {0.4, 1.3, 2.5}) {
            for (var op : ops) {
                Value x = Value.of(x0, "x");
                Value y = op.apply(x);
                y.backward();
                double num = Derivatives.central(t -> op.apply(Value.of(t)).value(), x0, 1e-6);
                assertEquals(num, x.grad(), 1e-7 * Math.max(1, Math.abs(num)), y.op() + " at " + x0);
            }
        }
    }

    @Test
    void neuronAgainstNumericalGradient() {
        double[] p = {0.5, -1.2, 0.8, 0.3, -0.1};
        java.util.function.Function<double[], Value> f = q -> {
            Value[] v = new Value[q.length];
            for (int i = 0; i < q.length; i++) v[i] = Value.of(q[i]);
            return v[0].mul(v[1]).add(v[2].mul(v[3])).add(v[4]).tanh().pow(2);
        };
        Value out = f.apply(p);
        out.backward();
        double[] num = Derivatives.gradient(q -> f.apply(q).value(), p, 1e-6);
        List<Value> order = out.topologicalOrder();
        // the leaves in creation order are v0..v4
        List<Value> leaves = order.stream().filter(Value::isLeaf).toList();
        assertEquals(5, leaves.size());
        for (Value leaf : leaves) {
            int i = -1;
            for (int k = 0; k < p.length; k++) if (p[k] == leaf.value()) i = k;
            assertEquals(num[i], leaf.grad(), 1e-8);
        }
    }

    private static double maxDiff(DMatrixRMaj a, DMatrixRMaj b) {
        assertEquals(a.numRows, b.numRows);
        assertEquals(a.numCols, b.numCols);
        double d = 0;
        for (int i = 0; i < a.getNumElements(); i++) d = Math.max(d, Math.abs(a.data[i] - b.data[i]));
        return d;
    }

    private static DMatrixRMaj random(Random r, int n, int m) {
        DMatrixRMaj a = new DMatrixRMaj(n, m);
        for (int i = 0; i < a.data.length; i++) a.data[i] = r.nextGaussian();
        return a;
    }

    @Test
    void affineReluAffineSoftmaxWithLossMatchesTheLibrary() {
        Random r = new Random(7);
        DMatrixRMaj x = random(r, 4, 3), w1 = random(r, 3, 5), b1 = random(r, 1, 5), w2 = random(r, 5, 3), b2 = random(r, 1, 3);
        int[] labels = {0, 2, 1, 2};
        Dense d1 = new Dense(w1.copy(), b1.copy()), d2 = new Dense(w2.copy(), b2.copy());
        ActivationLayer relu = new ActivationLayer(Activation.relu());
        SoftmaxCrossEntropy sce = new SoftmaxCrossEntropy();
        double libLoss = sce.forward(d2.forward(relu.forward(d1.forward(x, true), true), true), labels);
        d1.backward(relu.backward(d2.backward(sce.backward())));

        Value[][] vx = Values.matrix(x, "x"), vw1 = Values.matrix(w1, "W1"), vb1 = Values.matrix(b1, "b1"),
                vw2 = Values.matrix(w2, "W2"), vb2 = Values.matrix(b2, "b2");
        Value loss = Values.softmaxCrossEntropy(Values.affine(Values.relu(Values.affine(vx, vw1, vb1)), vw2, vb2), labels);
        loss.backward();
        assertEquals(libLoss, loss.value(), 1e-12);
        assertTrue(maxDiff(d1.weightGradient(), Values.grads(vw1)) < 1e-12);
        assertTrue(maxDiff(d1.biasGradient(), Values.grads(vb1)) < 1e-12);
        assertTrue(maxDiff(d2.weightGradient(), Values.grads(vw2)) < 1e-12);
        assertTrue(maxDiff(d2.biasGradient(), Values.grads(vb2)) < 1e-12);
    }

    @Test
    void affineSigmoidWithAnUpstreamGradientMatchesTheLibrary() {
        Random r = new Random(8);
        DMatrixRMaj x = random(r, 2, 3), w = random(r, 3, 2), b = random(r, 1, 2), dout = random(r, 2, 2);
        Dense d = new Dense(w.copy(), b.copy());
        ActivationLayer sig = new ActivationLayer(Activation.sigmoid());
        sig.forward(d.forward(x, true), true);
        DMatrixRMaj dx = d.backward(sig.backward(dout)).copy();
        Value[][] vx = Values.matrix(x, "x"), vw = Values.matrix(w, "W"), vb = Values.matrix(b, "b");
        Value[][] y = Values.sigmoid(Values.affine(vx, vw, vb));
        Values.backward(y, dout);
        assertTrue(maxDiff(dx, Values.grads(vx)) < 1e-12);
        assertTrue(maxDiff(d.weightGradient(), Values.grads(vw)) < 1e-12);
        assertTrue(maxDiff(d.biasGradient(), Values.grads(vb)) < 1e-12);
    }

    @Test
    void badInputIsNamed() {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Value.of(Double.NaN, "apple")), "'apple'", "NaN");
        Value a = Value.of(-1, "a");
        assertMentions(assertThrows(ArithmeticException.class, a::log), "log", "'a' = -1.0");
        assertMentions(assertThrows(ArithmeticException.class, () -> Value.of(800, "t").exp()), "exp", "'t' = 800.0", "NaN or infinity entered");
        assertMentions(assertThrows(ArithmeticException.class, () -> a.div(Value.of(0, "b"))), "division by zero", "'b'");
        assertMentions(assertThrows(ArithmeticException.class, () -> Value.of(0, "z").pow(0.5)), "^0.5", "'z'");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> a.add(Double.NaN)), "add", "NaN");
        assertMentions(assertThrows(NullPointerException.class, () -> a.mul(null)), "other");
        assertMentions(assertThrows(NullPointerException.class, () -> Value.of(1, null)), "label");
        assertMentions(assertThrows(IllegalStateException.class, a::grad), "'a'", "backward()");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Value.sum()), "at least one");
        Value[][] y = Values.affine(Values.matrix(new DMatrixRMaj(2, 2), "x"), Values.matrix(new DMatrixRMaj(2, 3), "W"),
                Values.matrix(new DMatrixRMaj(1, 3), "b"));
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Values.backward(y)), "single number", "2×3");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Values.backward(y, new DMatrixRMaj(3, 2))), "2×3", "3×2");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Values.affine(y, y, y)), "W needs 3 rows");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Values.softmaxCrossEntropy(y, new int[] {0, 3})), "label 3", "row 1");
        assertMentions(assertThrows(NullPointerException.class, () -> Values.softmaxCrossEntropy(y, null)), "labels");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Value.backward(List.of(a), new double[] {Double.NaN})), "upstream", "NaN");
    }

    @Test
    void deepChainsDoNotOverflowTheStack() {
        Value x = Value.of(1, "x");
        Value y = x;
        for (int i = 0; i < 100_000; i++) y = y.mul(1.0);
        y.backward();
        assertEquals(1, x.grad(), 0);
    }

    @Test
    void shortNumbers() {
        assertEquals("220", Value.fmt(220.00000000000003));
        assertEquals("110", Value.fmt(110.00000000000001));
        assertEquals("2.2", Value.fmt(2.2));
        assertEquals("0.7311", Value.fmt(0.7310585786300049));
        assertEquals("-1", Value.fmt(-1));
        assertEquals("0", Value.fmt(-0.0));
    }
}
