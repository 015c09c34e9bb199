package dl.recurrent;

import dl.fast.MatMul;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The arithmetic of {@link LstmCell} and {@link Lstm} as they were before issue 28's speed work (commit 56d98ca),
 * kept as the reference that {@code LstmEquivalenceTest} compares the library's classes with bit for bit: the
 * same products in the same order, {@link Math#tanh}, sigmoid with two calls of {@link Math#exp} for z &lt; 0,
 * ∂L/∂hₜ₋₁ as dA·Whᵀ. Checks and divergence reports are left out (they do not touch the numbers).
 */
final class LstmReference {
    final int d, hidden;
    final DMatrixRMaj wx, wh, b, dWx, dWh, db;
    private final DMatrixRMaj a = new DMatrixRMaj(1, 1), tmp = new DMatrixRMaj(1, 1), tmpW = new DMatrixRMaj(1, 1);
    final List<Step> steps = new ArrayList<>();
    private int t;

    static final class Step {
        final DMatrixRMaj x = new DMatrixRMaj(1, 1), hPrev = new DMatrixRMaj(1, 1), cPrev = new DMatrixRMaj(1, 1);
        final DMatrixRMaj f = new DMatrixRMaj(1, 1), g = new DMatrixRMaj(1, 1), i = new DMatrixRMaj(1, 1);
        final DMatrixRMaj o = new DMatrixRMaj(1, 1), c = new DMatrixRMaj(1, 1), tanhC = new DMatrixRMaj(1, 1);
        final DMatrixRMaj h = new DMatrixRMaj(1, 1), dx = new DMatrixRMaj(1, 1), dhPrev = new DMatrixRMaj(1, 1);
        final DMatrixRMaj dcPrev = new DMatrixRMaj(1, 1);
    }

    /** A reference with copies of {@code cell}'s current weights. */
    LstmReference(LstmCell cell) {
        d = cell.inputSize();
        hidden = cell.hiddenSize();
        wx = cell.wx().copy();
        wh = cell.wh().copy();
        b = cell.bias().copy();
        dWx = new DMatrixRMaj(d, 4 * hidden);
        dWh = new DMatrixRMaj(hidden, 4 * hidden);
        db = new DMatrixRMaj(1, 4 * hidden);
    }

    DMatrixRMaj stepForward(DMatrixRMaj x, DMatrixRMaj hPrev, DMatrixRMaj cPrev, Step s) {
        int n = x.numRows;
        s.x.setTo(x);
        s.hPrev.setTo(hPrev);
        s.cPrev.setTo(cPrev);
        int h4 = 4 * hidden;
        a.reshape(n, h4);
        tmp.reshape(n, h4);
        MatMul.best().mult(x, wx, a);
        MatMul.best().mult(hPrev, wh, tmp);
        for (DMatrixRMaj m : new DMatrixRMaj[] {s.f, s.g, s.i, s.o, s.c, s.tanhC, s.h}) {
            m.reshape(n, hidden);
        }
        for (int r = 0; r < n; r++) {
            int row = r * h4;
            for (int j = 0; j < hidden; j++) {
                int e = r * hidden + j;
                double af = a.data[row + j] + tmp.data[row + j] + b.data[j];
                double ag = a.data[row + hidden + j] + tmp.data[row + hidden + j] + b.data[hidden + j];
                double ai = a.data[row + 2 * hidden + j] + tmp.data[row + 2 * hidden + j] + b.data[2 * hidden + j];
                double ao = a.data[row + 3 * hidden + j] + tmp.data[row + 3 * hidden + j] + b.data[3 * hidden + j];
                double f = sigmoid(af), g = Math.tanh(ag), i = sigmoid(ai), o = sigmoid(ao);
                double c = f * cPrev.data[e] + i * g;
                double tc = Math.tanh(c);
                s.f.data[e] = f;
                s.g.data[e] = g;
                s.i.data[e] = i;
                s.o.data[e] = o;
                s.c.data[e] = c;
                s.tanhC.data[e] = tc;
                s.h.data[e] = o * tc;
            }
        }
        return s.h;
    }

    void stepBackward(DMatrixRMaj dh, DMatrixRMaj dc, Step s) {
        int n = s.h.numRows;
        int h4 = 4 * hidden;
        tmp.reshape(n, h4);
        s.dcPrev.reshape(n, hidden);
        for (int r = 0; r < n; r++) {
            int row = r * h4;
            for (int j = 0; j < hidden; j++) {
                int e = r * hidden + j;
                double f = s.f.data[e], g = s.g.data[e], i = s.i.data[e], o = s.o.data[e], tc = s.tanhC.data[e];
                double ds = dc.data[e] + dh.data[e] * o * (1 - tc * tc);
                s.dcPrev.data[e] = ds * f;
                double dAf = ds * s.cPrev.data[e] * f * (1 - f);
                double dAg = ds * i * (1 - g * g);
                double dAi = ds * g * i * (1 - i);
                double dAo = dh.data[e] * tc * o * (1 - o);
                tmp.data[row + j] = dAf;
                tmp.data[row + hidden + j] = dAg;
                tmp.data[row + 2 * hidden + j] = dAi;
                tmp.data[row + 3 * hidden + j] = dAo;
                db.data[j] += dAf;
                db.data[hidden + j] += dAg;
                db.data[2 * hidden + j] += dAi;
                db.data[3 * hidden + j] += dAo;
            }
        }
        accumulate(s.x, tmp, dWx);
        accumulate(s.hPrev, tmp, dWh);
        s.dx.reshape(n, d);
        MatMul.best().multTransB(tmp, wx, s.dx);
        s.dhPrev.reshape(n, hidden);
        MatMul.best().multTransB(tmp, wh, s.dhPrev);
    }

    private void accumulate(DMatrixRMaj x, DMatrixRMaj dA, DMatrixRMaj g) {
        tmpW.reshape(g.numRows, g.numCols);
        MatMul.best().multTransA(x, dA, tmpW);
        for (int k = 0; k < g.getNumElements(); k++) {
            g.data[k] += tmpW.data[k];
        }
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** Lstm.forward: h₀ = c₀ = 0, the cell at every step. */
    DMatrixRMaj forward(DMatrixRMaj x, SequenceOutput output) {
        int n = x.numRows, hs = hidden;
        t = x.numCols / d;
        while (steps.size() < t) {
            steps.add(new Step());
        }
        DMatrixRMaj h = new DMatrixRMaj(n, hs), c = new DMatrixRMaj(n, hs), xt = new DMatrixRMaj(1, 1);
        DMatrixRMaj y = new DMatrixRMaj(n, output == SequenceOutput.ALL_STATES ? t * hs : hs);
        for (int s = 0; s < t; s++) {
            Step step = steps.get(s);
            Sequences.column(x, s, d, xt);
            h = stepForward(xt, h, c, step);
            c = step.c;
            if (output == SequenceOutput.ALL_STATES) {
                Sequences.putColumn(h, s, y);
            }
        }
        if (output == SequenceOutput.LAST_STATE) {
            System.arraycopy(h.data, 0, y.data, 0, n * hs);
        }
        return y;
    }

    /** Lstm.backward: back-propagation through time from ∂L/∂y; returns ∂L/∂x. */
    DMatrixRMaj backward(DMatrixRMaj dout, SequenceOutput output) {
        int n = steps.get(0).h.numRows, hs = hidden;
        Arrays.fill(dWx.data, 0);
        Arrays.fill(dWh.data, 0);
        Arrays.fill(db.data, 0);
        DMatrixRMaj dx = new DMatrixRMaj(n, t * d), dh = new DMatrixRMaj(n, hs), dc = new DMatrixRMaj(n, hs);
        for (int s = t - 1; s >= 0; s--) {
            Sequences.addUpstream(dout, output, s, t, hs, dh);
            Step step = steps.get(s);
            stepBackward(dh, dc, step);
            Sequences.putColumn(step.dx, s, dx);
            dh.setTo(step.dhPrev);
            dc.setTo(step.dcPrev);
        }
        return dx;
    }
}
