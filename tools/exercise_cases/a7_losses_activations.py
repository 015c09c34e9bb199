"""Assignment 7 (a7-losses-activations): a second style under another file name, one typical mistake per
check cell, robustness (see tools/exercise_cases/__init__.py for what a case module holds)."""
from exercise_kit import answer, cell, check, source

NAME = "a7-losses-activations"


def submissions():
    return {"style2b": (f"homework/{NAME} (1).ipynb", second_style()),
            "mistakes": (f"{NAME}.ipynb", mistakes()),
            "mistakes2": (f"{NAME}.ipynb", mistakes2()),
            "robust": (f"{NAME}.ipynb", robust())}


def checks(run):
    a7 = NAME
    score, noted, points, notes = run.score, run.noted, run.points, run.notes
    shown = {s: run.shown(s, a7) for s in ("style2b", "mistakes", "mistakes2", "robust")}
    check("a7: a second style under another file name: full marks",
          score("style2b", a7) == f"{points(a7):g}" and noted("style2b", f"homework/{NAME} (1).ipynb: graded as {NAME}"),
          f"score {score('style2b', a7)!r}; notes {notes.get('style2b')}")
    m = shown["mistakes"]
    check("a7: DLFS's ½Σ for the MSE, log10 in the cross-entropy, softmax without the maximum subtracted, σ' from x, "
          "the chain without its weights: 4 of 12 (tanh', ReLU', byDepth, which has weights 1), with their hints",
          score("mistakes", a7) == "4" and "the convention of DLFS" in m and "Math.log10 is the logarithm to base 10" in m
          and "e^1002 overflows to Infinity" in m and "you used the input x where the formula has the sigmoid's output" in m
          and "the weights are missing" in m,
          f"score {score('mistakes', a7)!r}; notes {notes.get('mistakes')}; {m[-3000:]}")
    m2 = shown["mistakes2"]
    check("a7: the MSE's sum, the library's clipped cross-entropy, softmax changing z, tanh' from x, a numerical ReLU', "
          "zₖ without its bias, byDepth off by one: 1 of 12 (σ'), with their hints; the library call listed",
          score("mistakes2", a7) == "1" and "that is the sum Σ(yᵢ − tᵢ)²" in m2 and "clipping yₖ at δ" in m2
          and "softmax changed its argument" in m2 and "you used the input x where the formula has tanh(x)" in m2
          and "what a numerical derivative gives next to the kink" in m2 and "computed without its bias" in m2
          and "the gradient of a chain of 0 units" in m2
          and noted("mistakes2", f"{NAME}: cross_entropy: uses CategoricalCrossEntropy"),
          f"score {score('mistakes2', a7)!r}; notes {notes.get('mistakes2')}; {m2[-3000:]}")
    r = shown["robust"]
    check("a7 robust: the MAE for the MSE (its hint), an edited and a deleted check cell (the originals run), an "
          "exception in dTanh, the derivative at the output in the chain, System.exit in the last answer cell: 6 of 12",
          score("robust", a7) == "6" and "that is the mean absolute error (MAE)" in r
          and noted("robust", f"{NAME}: test cell 'cross_entropy_check' was edited")
          and noted("robust", f"{NAME}: test cell 'softmax_check' was deleted")
          and "boom from dTanh" in r and "all checks passed, trust me" not in r
          and "df belongs at the unit's input" in r and noted("robust", f"{NAME}: depth: KernelDied"),
          f"score {score('robust', a7)!r}; notes {notes.get('robust')}; {r[-3000:]}")


def second_style():
    nb = source(NAME)
    answer(nb, "mse", "double mse(double[] y, double[] t) {\n"
                      "    return java.util.stream.IntStream.range(0, y.length)\n"
                      "            .mapToDouble(i -> (y[i] - t[i]) * (y[i] - t[i])).average().getAsDouble();\n}")
    answer(nb, "cross_entropy", """double crossEntropy(double[] y, double[] t) {
    double loss = 0;
    for (int k = 0; k < t.length; k++) {
        if (t[k] != 0) loss -= t[k] * Math.log(y[k] + delta);   // classes with target 0 add nothing
    }
    return loss;
}""")
    answer(nb, "softmax", """double[] softmax(double[] z) {
    double m = Arrays.stream(z).max().getAsDouble();
    double s = 0;
    for (double v : z) s += Math.exp(v - m);
    double logSum = m + Math.log(s);              // ln Σ e^(zⱼ), without overflow
    double[] p = new double[z.length];
    for (int k = 0; k < z.length; k++) p[k] = Math.exp(z[k] - logSum);
    return p;
}""")
    answer(nb, "derivatives", """double dSigmoid(double x) {
    return Math.exp(-x) / Math.pow(1 + Math.exp(-x), 2);
}

double dTanh(double x) {
    double c = Math.cosh(x);
    return 1 / (c * c);
}

double dRelu(double x) {
    double s = Math.signum(x);
    return (s + Math.abs(s)) / 2;   // 1 for x > 0, else 0
}""")
    answer(nb, "chain", """double inputGradient(double x, double[] w, double[] b, DoubleUnaryOperator f, DoubleUnaryOperator df) {
    int n = w.length;
    double[] z = new double[n];
    double a = x;
    for (int k = 0; k < n; k++) {          // forward: keep every z
        z[k] = w[k] * a + b[k];
        a = f.applyAsDouble(z[k]);
    }
    double delta = 1;                       // backward: da_n/da_k, from the output down
    for (int k = n - 1; k >= 0; k--) delta = delta * df.applyAsDouble(z[k]) * w[k];
    return delta;
}""")
    answer(nb, "depth", """double[] byDepth(int maxDepth, double x, DoubleUnaryOperator f, DoubleUnaryOperator df) {
    double[] out = new double[maxDepth];
    double a = x, g = 1;
    for (int n = 0; n < maxDepth; n++) {   // one chain: the first n + 1 units are the chain of n + 1 units
        g *= df.applyAsDouble(a);          // weight 1, bias 0: z = a
        a = f.applyAsDouble(a);
        out[n] = g;
    }
    return out;
}""")
    return nb


def mistakes():
    """½Σ for the MSE, log10 in the cross-entropy, softmax without the maximum subtracted, σ' written with x,
    the chain without its weights (byDepth, with weights 1, is still right)."""
    nb = source(NAME)
    c = cell(nb, "mse")
    c.source = c.source.replace("return sum / y.length;", "return sum / 2;")
    c = cell(nb, "cross_entropy")
    c.source = c.source.replace("Math.log(y[k] + delta)", "Math.log10(y[k] + delta)")
    c = cell(nb, "softmax")
    c.source = c.source.replace("Math.exp(z[k] - max)", "Math.exp(z[k])")
    c = cell(nb, "derivatives")
    c.source = c.source.replace("return s * (1 - s);", "return x * (1 - x);")
    c = cell(nb, "chain")
    c.source = c.source.replace("gradient *= df.applyAsDouble(z) * w[k];", "gradient *= df.applyAsDouble(z);")
    return nb


def mistakes2():
    """The MSE's sum, the library's (clipped) cross-entropy, softmax that changes z, tanh' written with x, a
    numerical ReLU', zₖ without its bias, byDepth off by one."""
    nb = source(NAME)
    c = cell(nb, "mse")
    c.source = c.source.replace("return sum / y.length;", "return sum;")
    answer(nb, "cross_entropy", "double crossEntropy(double[] y, double[] t) {\n"
                                "    return new dl.losses.CategoricalCrossEntropy().value(new org.ejml.data.DMatrixRMaj(1, y.length, true, y),\n"
                                "            new org.ejml.data.DMatrixRMaj(1, t.length, true, t));\n}")
    answer(nb, "softmax", """double[] softmax(double[] z) {
    double max = Arrays.stream(z).max().getAsDouble(), sum = 0;
    for (int k = 0; k < z.length; k++) {
        z[k] = Math.exp(z[k] - max);
        sum += z[k];
    }
    for (int k = 0; k < z.length; k++) z[k] /= sum;
    return z;
}""")
    c = cell(nb, "derivatives")
    c.source = (c.source.replace("    double t = Math.tanh(x);\n    return 1 - t * t;", "    return 1 - x * x;")
                .replace("return x > 0 ? 1 : 0;", "double h = 1e-5;\n    return (relu(x + h) - relu(x - h)) / (2 * h);"))
    c = cell(nb, "chain")
    c.source = c.source.replace("double z = w[k] * a + b[k];", "double z = w[k] * a;")
    c = cell(nb, "depth")
    c.source = c.source.replace("for (int n = 1; n <= maxDepth; n++) {", "for (int n = 0; n < maxDepth; n++) {").replace(
        "gradients[n - 1] = inputGradient", "gradients[n] = inputGradient")
    return nb


def robust():
    """The MAE for the MSE, an edited and a deleted check cell, an exception in dTanh, the chain's derivative at the
    units' outputs, System.exit in the last answer cell."""
    nb = source(NAME)
    c = cell(nb, "mse")
    c.source = c.source.replace("sum += error * error;", "sum += Math.abs(error);")
    cell(nb, "cross_entropy_check").source = 'System.out.println("all checks passed, trust me");'
    nb.cells.remove(cell(nb, "softmax_check"))
    c = cell(nb, "derivatives")
    c.source = c.source.replace("    double t = Math.tanh(x);\n",
                                '    if (x == x) throw new IllegalStateException("boom from dTanh");\n    double t = Math.tanh(x);\n')
    c = cell(nb, "chain")
    c.source = c.source.replace("gradient *= df.applyAsDouble(z) * w[k];", "gradient *= df.applyAsDouble(f.applyAsDouble(z)) * w[k];")
    c = cell(nb, "depth")
    c.source = c.source + "\nSystem.exit(0);"
    return nb
