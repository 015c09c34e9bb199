"""Assignment 10 (a10-recurrent): a second style under another file name, one typical mistake per check cell,
robustness (see tools/exercise_cases/__init__.py for what a case module holds)."""
from exercise_kit import answer, cell, check, source

NAME = "a10-recurrent"

# the solution's forward pass inside deltas and gradWh, replaced where a case's rnnForward (or rnnStep) is wrong
SOLUTION_STATES = "double[][] hs = rnnForward(xs, h0);"
SOLUTION_STATES_WH = "double[][] a = deltas(xs, h0, y), hs = rnnForward(xs, h0);"


def submissions():
    return {"style2b": ("homework/Recurrent networks (1).ipynb", recurrent_style2()),
            "mistakes": (f"{NAME}.ipynb", recurrent_mistakes()),
            "mistakes2": (f"{NAME}.ipynb", recurrent_mistakes2()),
            "robust": (f"{NAME}.ipynb", robust_recurrent())}


def checks(run):
    a10 = NAME
    score, noted, points, notes = run.score, run.noted, run.points, run.notes
    f = {s: run.shown(s, a10) for s in ("style2b", "mistakes", "mistakes2", "robust")}
    check("a10: a second style under another file name (deltas left unwritten): full marks",
          score("style2b", a10) == f"{points(a10):g}"
          and noted("style2b", "homework/Recurrent networks (1).ipynb: graded as a10-recurrent"),
          f"score {score('style2b', a10)!r}; notes {notes.get('style2b')}; {f['style2b'][-2000:]}")
    check("a10: Wh transposed in rnnStep (and rnnForward told that rnnStep is the cause), only the last step's share "
          "of dL/dWh, the gates from the given library cell (a hidden test with other weights fails it; the "
          "library call listed), h from the old cell state: 2 of 11 (dL/dWx, dL/db), with their hints",
          score("mistakes", a10) == "2" and "Wh is used transposed" in f["mistakes"]
          and "but rnnStep is wrong" in f["mistakes"] and "only the last step's share" in f["mistakes"]
          and "lstmGates with other weights (D = 2, H = 3)" in f["mistakes"]
          and noted("mistakes", "a10-recurrent: lstm_gates: uses givenLstm, Reference")
          and "computed from the old cell state" in f["mistakes"],
          f"score {score('mistakes', a10)!r}; notes {notes.get('mistakes')}; {f['mistakes'][-3000:]}")
    check("a10: rnnStep handed to the library's RnnCell (passes, listed), one array stored for every state, tanh′ "
          "forgotten in BPTT (and rnnForward named as wrong too), σ and tanh swapped in the gates, the input gate forgotten: 1 of 11 (rnnStep), with "
          "their hints",
          score("mistakes2", a10) == "1" and noted("mistakes2", "a10-recurrent: rnn: uses RnnCell")
          and "one array was stored T times" in f["mistakes2"] and f["mistakes2"].count("tanh′ is missing") >= 3
          and "rnnForward(xs3, h0) is wrong as well" in f["mistakes2"]
          and "tanh for a gate" in f["mistakes2"] and "σ for the candidate" in f["mistakes2"]
          and "the input gate is missing" in f["mistakes2"] and "right for your cₜ" in f["mistakes2"],
          f"score {score('mistakes2', a10)!r}; notes {notes.get('mistakes2')}; {f['mistakes2'][-3000:]}")
    check("a10 robust: an edited check cell (the original runs), the gradient not carried back (its hint), an "
          "exception under a deleted check cell (the original runs), PyTorch's gate order (its hint), System.exit "
          "in the last answer: 3 of 11 (part 1)",
          score("robust", a10) == "3" and "comes back through the later steps" in f["robust"]
          and noted("robust", "a10-recurrent: test cell 'rnn_forward_check' was edited")
          and noted("robust", "a10-recurrent: test cell 'bptt_b_check' was deleted")
          and "boom from gradB" in f["robust"] and "PyTorch's is i, f, g, o" in f["robust"]
          and "all checks passed, trust me" not in f["robust"]
          and noted("robust", "a10-recurrent: lstm_state: KernelDied"),
          f"score {score('robust', a10)!r}; notes {notes.get('robust')}; {f['robust'][-3000:]}")


def recurrent_style2():
    nb = source(NAME)
    answer(nb, "rnn", """double[] rnnStep(double[] x, double[] hPrev) {
    double[] z = b.clone();
    for (int i = 0; i < x.length; i++) for (int j = 0; j < z.length; j++) z[j] += x[i] * Wx[i][j];
    for (int k = 0; k < hPrev.length; k++) for (int j = 0; j < z.length; j++) z[j] += hPrev[k] * Wh[k][j];
    return Arrays.stream(z).map(Math::tanh).toArray();
}

double[][] rnnForward(double[][] xs, double[] h0) {
    List<double[]> states = new ArrayList<>();
    double[] h = h0;
    for (double[] x : xs) states.add(h = rnnStep(x, h));
    return states.toArray(new double[0][]);
}""")
    answer(nb, "bptt", """double[][] deltas(double[][] xs, double[] h0, double[] y) {
    throw new UnsupportedOperationException("not used: backprop below does it all in one walk back");
}

/** {dL/dWx, dL/dWh, dL/db as one row}, added up while walking back through the steps. */
double[][][] backprop(double[][] xs, double[] h0, double[] y) {
    int T = xs.length, D = Wx.length, H = b.length;
    double[][] hs = new double[T + 1][];
    hs[0] = h0;
    for (int t = 1; t <= T; t++) hs[t] = rnnStep(xs[t - 1], hs[t - 1]);
    double[][] gWx = new double[D][H], gWh = new double[H][H], gB = new double[1][H];
    double[] dh = new double[H];
    for (int j = 0; j < H; j++) dh[j] = hs[T][j] - y[j];
    for (int t = T; t >= 1; t--) {
        double[] a = new double[H];
        for (int j = 0; j < H; j++) a[j] = dh[j] * (1 - hs[t][j]) * (1 + hs[t][j]);
        for (int j = 0; j < H; j++) {
            gB[0][j] += a[j];
            for (int i = 0; i < D; i++) gWx[i][j] += xs[t - 1][i] * a[j];
            for (int k = 0; k < H; k++) gWh[k][j] += hs[t - 1][k] * a[j];
        }
        double[] next = new double[H];
        for (int k = 0; k < H; k++) {
            double s = 0;
            for (int j = 0; j < H; j++) s += Wh[k][j] * a[j];
            next[k] = s;
        }
        dh = next;
    }
    return new double[][][] {gWx, gWh, gB};
}

double[][] gradWh(double[][] xs, double[] h0, double[] y) {
    return backprop(xs, h0, y)[1];
}

double[][] gradWx(double[][] xs, double[] h0, double[] y) {
    return backprop(xs, h0, y)[0];
}

double[] gradB(double[][] xs, double[] h0, double[] y) {
    return backprop(xs, h0, y)[2][0];
}""")
    answer(nb, "lstm_gates", """double[][] lstmGates(double[] x, double[] hPrev) {
    int H = Lb.length / 4;
    double[] A = Lb.clone();
    for (int col = 0; col < A.length; col++) {
        for (int i = 0; i < x.length; i++) A[col] += x[i] * LWx[i][col];
        for (int k = 0; k < H; k++) A[col] += hPrev[k] * LWh[k][col];
    }
    java.util.function.DoubleUnaryOperator sigma = z -> 1 / (1 + Math.exp(-z));
    return new double[][] {Arrays.stream(A, 0, H).map(sigma).toArray(), Arrays.stream(A, H, 2 * H).map(Math::tanh).toArray(),
            Arrays.stream(A, 2 * H, 3 * H).map(sigma).toArray(), Arrays.stream(A, 3 * H, 4 * H).map(sigma).toArray()};
}""")
    answer(nb, "lstm_state", """double[][] lstmState(double[][] gates, double[] cPrev) {
    double[] f = gates[0], g = gates[1], i = gates[2], o = gates[3];
    double[] c = java.util.stream.IntStream.range(0, cPrev.length).mapToDouble(j -> f[j] * cPrev[j] + i[j] * g[j]).toArray();
    double[] h = java.util.stream.IntStream.range(0, c.length).mapToDouble(j -> o[j] * Math.tanh(c[j])).toArray();
    return new double[][] {c, h};
}""")
    cell(nb, "why_lstm").source = ("Through tanh and Wh at every step the gradient is multiplied by a factor below 1 fifty "
                                   "times and vanishes; along the LSTM's memory cell it is only multiplied by f, which "
                                   "can stay near 1.")
    return nb


def states_of(via):
    """A helper that a case's bptt cell declares for its own forward pass (rnnStep or tanh by hand)."""
    step = ("rnnStep(xs[t], h)" if via == "rnnStep" else """tanhStep(xs[t], h)""")
    helper = "" if via == "rnnStep" else """double[] tanhStep(double[] x, double[] hPrev) {
    double[] h = new double[b.length];
    for (int j = 0; j < h.length; j++) {
        double z = b[j];
        for (int i = 0; i < x.length; i++) z += x[i] * Wx[i][j];
        for (int k = 0; k < h.length; k++) z += hPrev[k] * Wh[k][j];
        h[j] = Math.tanh(z);
    }
    return h;
}

"""
    return helper + f"""double[][] statesOf(double[][] xs, double[] h0) {{
    double[][] hs = new double[xs.length][];
    double[] h = h0;
    for (int t = 0; t < xs.length; t++) hs[t] = h = {step};
    return hs;
}}

"""


def bptt_with(nb, via, *edits):
    """The solution's bptt cell with its own forward pass and the edits (old, new) applied."""
    c = cell(nb, "bptt")
    text = c.source.replace(SOLUTION_STATES_WH, "double[][] a = deltas(xs, h0, y), hs = statesOf(xs, h0);").replace(
        SOLUTION_STATES, "double[][] hs = statesOf(xs, h0);")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    c.source = states_of(via) + text


def recurrent_mistakes():
    """Wh transposed in rnnStep, only the last step's share of dL/dWh, the gates from the given library cell,
    h from the old cell state."""
    nb = source(NAME)
    c = cell(nb, "rnn")
    c.source = c.source.replace("z += hPrev[k] * Wh[k][j];", "z += hPrev[k] * Wh[j][k];")
    bptt_with(nb, "tanh", ("for (int t = 0; t < xs.length; t++) {\n        double[] prev",
                           "for (int t = xs.length - 1; t < xs.length; t++) {\n        double[] prev"))
    answer(nb, "lstm_gates", """double[][] lstmGates(double[] x, double[] hPrev) {
    double[][] s = Reference.lstmStep(givenLstm, x, hPrev, new double[hPrev.length]);
    return new double[][] {s[0], s[1], s[2], s[3]};
}""")
    c = cell(nb, "lstm_state")
    c.source = c.source.replace("h[j] = o[j] * Math.tanh(c[j]);", "h[j] = o[j] * Math.tanh(cPrev[j]);")
    return nb


def recurrent_mistakes2():
    """rnnStep handed to the library's RnnCell, rnnForward storing one array for every state, tanh′ forgotten,
    σ and tanh swapped in the gates, the input gate forgotten."""
    nb = source(NAME)
    c = cell(nb, "rnn")
    start, end = c.source.index("    // BEGIN SOLUTION"), c.source.index("    // END SOLUTION") + len("    // END SOLUTION")
    c.source = c.source[:start] + """    RnnCell cell = new RnnCell(x.length, hPrev.length, Init.xavier(), 7);
    for (int i = 0; i < x.length; i++) for (int j = 0; j < hPrev.length; j++) cell.wx().set(i, j, Wx[i][j]);
    for (int k = 0; k < hPrev.length; k++) for (int j = 0; j < hPrev.length; j++) cell.wh().set(k, j, Wh[k][j]);
    for (int j = 0; j < hPrev.length; j++) cell.bias().set(0, j, b[j]);
    DMatrixRMaj h = cell.forward(new DMatrixRMaj(new double[][] {x}), new DMatrixRMaj(new double[][] {hPrev}), new RnnCell.Step());
    return Arrays.copyOf(h.data, hPrev.length);""" + c.source[end:]
    c.source = c.source.replace("""    double[] h = h0;
    for (int t = 0; t < xs.length; t++) {
        h = rnnStep(xs[t], h);
        hs[t] = h;
    }""", """    double[] h = h0.clone();
    for (int t = 0; t < xs.length; t++) {
        double[] next = rnnStep(xs[t], h);
        System.arraycopy(next, 0, h, 0, h.length);
        hs[t] = h;
    }""")
    bptt_with(nb, "rnnStep", ("a[t][j] = dh[j] * (1 - hs[t][j] * hs[t][j]);", "a[t][j] = dh[j];"))
    c = cell(nb, "lstm_gates")
    c.source = c.source.replace("block == 1 ? Math.tanh(a) : 1 / (1 + Math.exp(-a))", "block != 1 ? Math.tanh(a) : 1 / (1 + Math.exp(-a))")
    c = cell(nb, "lstm_state")
    c.source = c.source.replace("c[j] = f[j] * cPrev[j] + i[j] * g[j];", "c[j] = f[j] * cPrev[j] + g[j];")
    return nb


def robust_recurrent():
    """An edited check cell, the gradient not carried back, an exception under a deleted check cell, PyTorch's
    gate order, System.exit in the last answer cell."""
    nb = source(NAME)
    cell(nb, "rnn_forward_check").source = 'System.out.println("all checks passed, trust me");'
    c = cell(nb, "bptt")
    for old, new in (("    for (int j = 0; j < H; j++) dh[j] = hs[T - 1][j] - y[j];\n",
                      "    for (int j = 0; j < H; j++) dh[j] = hs[T - 1][j] - y[j];\n    final double[] last = dh.clone();\n"),
                     ("        dh = back;", "        dh = last;   // every step sees dL/dh_T"),
                     ("    double[][] a = deltas(xs, h0, y);\n    double[] g = new double[b.length];",
                      '    if (xs != null) throw new IllegalStateException("boom from gradB");\n'
                      "    double[][] a = deltas(xs, h0, y);\n    double[] g = new double[b.length];")):
        assert old in c.source, old
        c.source = c.source.replace(old, new)
    nb.cells.remove(cell(nb, "bptt_b_check"))
    c = cell(nb, "lstm_gates")
    c.source = c.source.replace("gates[block][j] = block == 1 ? Math.tanh(a) : 1 / (1 + Math.exp(-a));",
                                "int gate = new int[] {2, 0, 1, 3}[block];   // blocks i, f, g, o\n"
                                "            gates[gate][j] = gate == 1 ? Math.tanh(a) : 1 / (1 + Math.exp(-a));")
    c = cell(nb, "lstm_state")
    c.source = c.source + "\nSystem.exit(0);"
    return nb
