"""Assignment 6 (a6-perceptron): a second style under another file name, one typical mistake per
check cell, robustness (see tools/exercise_cases/__init__.py for what a case module holds)."""
from exercise_kit import answer, cell, check, source

NAME = "a6-perceptron"


def submissions():
    return {"style2b": ("homework/Perceptron (final).ipynb", perceptron_style2()),
            "mistakes": (f"{NAME}.ipynb", perceptron_mistakes()),
            "mistakes2": (f"{NAME}.ipynb", perceptron_mistakes2()),
            "robust": (f"{NAME}.ipynb", robust_perceptron())}


def checks(run):
    a6 = NAME
    score, noted, points, notes = run.score, run.noted, run.points, run.notes
    f6 = {s: run.shown(s, a6) for s in ("style2b", "mistakes", "mistakes2", "robust")}
    check("a6: a second style under another file name: full marks",
          score("style2b", a6) == f"{points(a6):g}"
          and noted("style2b", "homework/Perceptron (final).ipynb: graded as a6-perceptron"),
          f"score {score('style2b', a6)!r}; notes {notes.get('style2b')}")
    check("a6: predict handed to the library's Perceptron in a field, update with the wrong sign, XOR by a table "
          "of the four cases, the weights without biases: 1 of 12 (the four corners), with their hints; the "
          "library call listed",
          score("mistakes", a6) == "1" and "keeps a Perceptron in field 'lib'" in f6["mistakes"]
          and noted("mistakes", "a6-perceptron: perceptron: uses Perceptron")
          and "the step goes the wrong way" in f6["mistakes"]
          and "not from a table of the four cases" in f6["mistakes"] and "counts the weights only" in f6["mistakes"],
          f"score {score('mistakes', a6)!r}; {f6['mistakes'][-2500:]}")
    check("a6: the bias update forgotten, train handed to the library, a line next to a corner, input biases: "
          "3 of 12 (predict, the XOR run, the corners), with their hints; the library call listed",
          score("mistakes2", a6) == "3" and "the bias did not" in f6["mistakes2"]
          and "called p.update 0 times" in f6["mistakes2"] and "passes too close to a corner" in f6["mistakes2"]
          and "gives the input units biases too" in f6["mistakes2"]
          and noted("mistakes2", "a6-perceptron: train: uses Perceptron, PerceptronHistory"),
          f"score {score('mistakes2', a6)!r}; notes {notes.get('mistakes2')}; {f6['mistakes2'][-2500:]}")
    check("a6 robust: moving on right answers (its hint), an edited and a deleted check cell (the originals run), "
          "an exception, System.exit: 1 of 12 (predict)",
          score("robust", a6) == "1" and "The rule only moves on a mistake" in f6["robust"]
          and noted("robust", "a6-perceptron: test cell 'train_check' was edited")
          and noted("robust", "a6-perceptron: test cell 'xor_corners_check' was deleted")
          and "boom from the hidden layer" in f6["robust"] and "all checks passed, trust me" not in f6["robust"]
          and noted("robust", "a6-perceptron: params: KernelDied"),
          f"score {score('robust', a6)!r}; notes {notes.get('robust')}")


def perceptron_style2():
    a6 = source("a6-perceptron")
    c = cell(a6, "perceptron")
    c.source = c.source.replace("""        double z = b;
        for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
        }
        return step(z);""", """        double z = 0;
        int i = 0;
        for (double xi : x) z += w[i++] * xi;
        return z + b > 0 ? 1 : 0;""").replace("""        int error = t - predict(x);
        for (int i = 0; i < w.length; i++) {
            w[i] += eta * error * x[i];
        }
        b += eta * error;
        return error;""", """        int y = predict(x);
        if (y == t) return 0;          // right: nothing to learn
        int e = t - y;
        for (int i = 0; i < x.length; i++) w[i] = w[i] + eta * e * x[i];
        b = b + eta * e;
        return e;""")
    answer(a6, "train", """int[] train(MyPerceptron p, double[][] xs, int[] ts, int maxEpochs) {
    int[] out = new int[maxEpochs];
    int n = 0;
    boolean done = false;
    while (n < maxEpochs && !done) {
        int wrong = 0;
        for (int i = 0; i < xs.length; i++) {
            if (p.predict(xs[i]) != ts[i]) {   // update only on mistakes
                p.update(xs[i], ts[i]);
                wrong++;
            }
        }
        out[n++] = wrong;
        done = wrong == 0;
    }
    return Arrays.copyOf(out, n);
}""")
    answer(a6, "xor_run", "MyPerceptron q = new MyPerceptron(new double[] {0, 0}, -0.05, 0.1);\n"
                          "int[] xorErrors = train(q, inputs, xorTargets, 100);\n"
                          'System.out.println("final w = " + Arrays.toString(q.w) + ", b = " + q.b);')
    answer(a6, "xor_weights", "double[][] W1 = {{1, 1}, {1, 1}};   // unit 0: OR, unit 1: AND\n"
                              "double[] b1 = {-0.5, -1.5};\ndouble[] w2 = {1, -1};             // OR and not AND\n"
                              "double b2 = -0.5;")
    answer(a6, "xor_forward", """double[] hiddenLayer(double[] x) {
    double h0 = step(W1[0][0] * x[0] + W1[1][0] * x[1] + b1[0]);
    double h1 = step(W1[0][1] * x[0] + W1[1][1] * x[1] + b1[1]);
    return new double[] {h0, h1};
}

int xorNet(double[] x) {
    double[] h = hiddenLayer(x);
    double z = b2;
    for (int j = 0; j < h.length; j++) z += w2[j] * h[j];
    return z > 0 ? 1 : 0;
}""")
    answer(a6, "params", "long parameters(int... sizes) {\n"
                         "    return java.util.stream.IntStream.range(1, sizes.length)\n"
                         "            .mapToLong(l -> (long) sizes[l - 1] * sizes[l] + sizes[l]).sum();\n}")
    return a6


def perceptron_mistakes():
    """predict handed to a library Perceptron kept in a field, the update steps the wrong way, XOR by a table
    of the four cases, the weights counted without biases."""
    a6 = source("a6-perceptron")
    c = cell(a6, "perceptron")
    c.source = (c.source.replace("    final double eta;   // the learning rate η\n",
                                 "    final double eta;   // the learning rate η\n    private Perceptron lib;\n")
                .replace("        eta = learningRate;\n", "        eta = learningRate;\n        lib = new Perceptron(w, b, eta);\n")
                .replace("""        double z = b;
        for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
        }
        return step(z);""", "        return lib.predict(x);")
                .replace("w[i] += eta * error * x[i];", "w[i] -= eta * error * x[i];")
                .replace("b += eta * error;", "b -= eta * error;\n        lib = new Perceptron(w, b, eta);"))
    answer(a6, "xor_weights", "double[][] W1 = new double[2][2];\ndouble[] b1 = new double[2];\n"
                              "double[] w2 = new double[2];\ndouble b2 = 0;")
    answer(a6, "xor_forward", """double[] hiddenLayer(double[] x) {
    return new double[] {x[0], x[1]};
}

int xorNet(double[] x) {
    if (x[0] == 0 && x[1] == 1) return 1;
    if (x[0] == 1 && x[1] == 0) return 1;
    return 0;
}""")
    c = cell(a6, "params")
    c.source = c.source.replace("count += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];", "count += (long) sizes[l] * sizes[l + 1];")
    return a6


def perceptron_mistakes2():
    """The bias update forgotten, train handed to the library's Perceptron, a hidden line next to a
    corner, biases for the input units too."""
    a6 = source("a6-perceptron")
    c = cell(a6, "perceptron")
    c.source = c.source.replace("        b += eta * error;\n", "")
    answer(a6, "train", """int[] train(MyPerceptron p, double[][] xs, int[] ts, int maxEpochs) {
    Perceptron lib = new Perceptron(p.w, p.b, p.eta);
    PerceptronHistory history = lib.train(xs, ts, maxEpochs);
    System.arraycopy(lib.weights(), 0, p.w, 0, p.w.length);
    p.b = lib.bias();
    return history.errors();
}""")
    c = cell(a6, "xor_weights")
    c.source = c.source.replace("b1 = new double[] {-0.5, 1.5};", "b1 = new double[] {-0.95, 1.5};")
    c = cell(a6, "params")
    c.source = c.source.replace("    long count = 0;\n", "    long count = 0;\n    for (int size : sizes) count += size;\n").replace(
        "count += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];", "count += (long) sizes[l] * sizes[l + 1];")
    return a6


def robust_perceptron():
    """Updates on right answers too, an edited and a deleted test cell, an exception, System.exit."""
    a6 = source("a6-perceptron")
    c = cell(a6, "perceptron")
    c.source = c.source.replace("w[i] += eta * error * x[i];", "w[i] += eta * (2 * t - 1) * x[i];").replace(
        "b += eta * error;", "b += eta * (2 * t - 1);")
    cell(a6, "train_check").source = 'System.out.println("all checks passed, trust me");'
    a6.cells.remove(cell(a6, "xor_corners_check"))
    c = cell(a6, "xor_forward")
    c.source = c.source.replace("    double[] h = new double[2];\n    for",
                                '    if (x != null) throw new IllegalStateException("boom from the hidden layer");\n'
                                '    double[] h = new double[2];\n    for')
    answer(a6, "params", "long parameters(int... sizes) {\n    return 0;\n}\nSystem.exit(0);")
    return a6
