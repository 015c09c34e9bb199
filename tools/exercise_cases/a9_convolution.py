"""Assignment 9 (a9-convolution): a second style under another file name, one typical mistake per
check cell, robustness (see tools/exercise_cases/__init__.py for what a case module holds)."""
from exercise_kit import answer, cell, check, source

NAME = "a9-convolution"


def submissions():
    return {"style2b": ("homework/Convolution (1).ipynb", convolution_style2()),
            "mistakes": (f"{NAME}.ipynb", convolution_mistakes()),
            "mistakes2": (f"{NAME}.ipynb", convolution_mistakes2()),
            "robust": (f"{NAME}.ipynb", robust_convolution())}


def checks(run):
    a9 = NAME
    score, noted, points, notes = run.score, run.noted, run.points, run.notes
    f9 = {s: run.shown(s, a9) for s in ("style2b", "mistakes", "mistakes2", "robust")}
    check("a9: a second style under another file name: full marks",
          score("style2b", a9) == f"{points(a9):g}"
          and noted("style2b", "homework/Convolution (1).ipynb: graded as a9-convolution"),
          f"score {score('style2b', a9)!r}; notes {notes.get('style2b')}; {f9['style2b'][-2500:]}")
    check("a9: sizes rounded down instead of refused, flipped filters, pooling from 0, the gradient spread over the "
          "window, an MLP for a CNN: 1 of 14 (the output sizes), with their hints",
          score("mistakes", a9) == "1" and "Rounding down, as Im2Col.outputSize does" in f9["mistakes"]
          and "turned by 180°" in f9["mistakes"] and "a window of negative numbers gave 0" in f9["mistakes"]
          and "the gradient was spread over the window" in f9["mistakes"] and "an MLP in disguise" in f9["mistakes"],
          f"score {score('mistakes', a9)!r}; notes {notes.get('mistakes')}; {f9['mistakes'][-3000:]}")
    check("a9: H + P for the padding, a filter that does not jump, the library's square MaxPooling, the gradient to "
          "every tied maximum, no pooling before the dense layer: 2 of 14 (the stride-1 convolution), with their "
          "hints; the library call listed",
          score("mistakes2", a9) == "2" and "has H + 2P pixels, not H + P" in f9["mistakes2"]
          and "the filter did not jump" in f9["mistakes2"] and "poolH is the window's height" in f9["mistakes2"]
          and "every tied maximum got the gradient" in f9["mistakes2"] and "pool the feature maps first" in f9["mistakes2"]
          and noted("mistakes2", "a9-convolution: pool: uses MaxPooling"),
          f"score {score('mistakes2', a9)!r}; notes {notes.get('mistakes2')}; {f9['mistakes2'][-3000:]}")
    check("a9 robust: an ArithmeticException for a refusal (its hint), an edited and a deleted check cell (the "
          "originals run), an exception in the backward pass, System.exit in part 4: 8 of 14",
          score("robust", a9) == "8" and "throw an IllegalArgumentException, Java's exception" in f9["robust"]
          and noted("robust", "a9-convolution: test cell 'pool_check' was edited")
          and noted("robust", "a9-convolution: test cell 'conv_check' was deleted")
          and "boom from the backward pass" in f9["robust"] and "all checks passed, trust me" not in f9["robust"]
          and noted("robust", "a9-convolution: cnn: KernelDied"),
          f"score {score('robust', a9)!r}; notes {notes.get('robust')}; {f9['robust'][-2500:]}")


def convolution_style2():
    a9 = source(NAME)
    answer(a9, "outsize", """int outputSize(int in, int filter, int stride, int pad) {
    int padded = in + 2 * pad;
    if (filter > padded || (padded - filter) % stride != 0) {
        throw new IllegalArgumentException(String.format("filter %d, stride %d: does not fit %d pixels (padded) exactly",
                filter, stride, padded));
    }
    return (padded - filter) / stride + 1;
}""")
    answer(a9, "conv", """double[][][][] convolve(double[][][][] x, double[][][][] w, double[] b, int stride, int pad) {
    int N = x.length, C = x[0].length, H = x[0][0].length, W = x[0][0][0].length;
    int F = w.length, FH = w[0][0].length, FW = w[0][0][0].length;
    // x̃: the images with the zeros of the padding written out
    double[][][][] xp = new double[N][C][H + 2 * pad][W + 2 * pad];
    for (int n = 0; n < N; n++)
        for (int c = 0; c < C; c++)
            for (int r = 0; r < H; r++)
                System.arraycopy(x[n][c][r], 0, xp[n][c][r + pad], pad, W);
    int OH = outputSize(H, FH, stride, pad), OW = outputSize(W, FW, stride, pad);
    double[][][][] y = new double[N][F][OH][OW];
    for (int n = 0; n < N; n++)
        for (int f = 0; f < F; f++)
            for (int i = 0; i < OH; i++)
                for (int j = 0; j < OW; j++) {
                    double s = 0;
                    for (int c = 0; c < C; c++)
                        for (int u = 0; u < FH; u++)
                            for (int v = 0; v < FW; v++)
                                s += w[f][c][u][v] * xp[n][c][i * stride + u][j * stride + v];
                    y[n][f][i][j] = s + b[f];
                }
    return y;
}""")
    answer(a9, "pool", """/** The row and column of the first maximum of the window at (top, left). */
int[] firstMax(double[][] map, int top, int left, int poolH, int poolW) {
    int[] at = {top, left};
    double best = Double.NEGATIVE_INFINITY;
    for (int r = top; r < top + poolH; r++)
        for (int q = left; q < left + poolW; q++)
            if (map[r][q] > best) { best = map[r][q]; at = new int[] {r, q}; }
    return at;
}

double[][][][] maxPool(double[][][][] x, int poolH, int poolW, int stride) {
    int OH = outputSize(x[0][0].length, poolH, stride, 0), OW = outputSize(x[0][0][0].length, poolW, stride, 0);
    double[][][][] y = new double[x.length][x[0].length][OH][OW];
    for (int n = 0; n < x.length; n++)
        for (int c = 0; c < x[0].length; c++)
            for (int i = 0; i < OH; i++)
                for (int j = 0; j < OW; j++) {
                    int[] at = firstMax(x[n][c], i * stride, j * stride, poolH, poolW);
                    y[n][c][i][j] = x[n][c][at[0]][at[1]];
                }
    return y;
}

double[][][][] maxPoolBackward(double[][][][] x, double[][][][] dOut, int poolH, int poolW, int stride) {
    double[][][][] dx = new double[x.length][x[0].length][x[0][0].length][x[0][0][0].length];
    for (int n = 0; n < dOut.length; n++)
        for (int c = 0; c < dOut[n].length; c++)
            for (int i = 0; i < dOut[n][c].length; i++)
                for (int j = 0; j < dOut[n][c][i].length; j++) {
                    int[] at = firstMax(x[n][c], i * stride, j * stride, poolH, poolW);
                    dx[n][c][at[0]][at[1]] += dOut[n][c][i][j];
                }
    return dx;
}""")
    answer(a9, "cnn", """Sequential buildCnn(long seed) {
    Convolution conv = new Convolution(1, 8, 8, 6, 5, 1, 2, Init.he(), 10 * seed);   // 6 filters 5 × 5, same size
    MaxPooling pool = MaxPooling.after(conv, 2, 2);                                   // 6 × 4 × 4
    Sequential net = new Sequential();
    net.add(conv);
    net.add(Activation.relu());
    net.add(pool);
    net.add(new Dense(pool.outputSize(), 10, Init.he(), 10 * seed + 1));
    return net;
}""")
    return a9


def convolution_mistakes():
    """Sizes rounded down instead of refused, flipped filters, the maximum started at 0, the gradient spread over
    the window, an MLP where a CNN is asked for."""
    a9 = source(NAME)
    answer(a9, "outsize", "int outputSize(int in, int filter, int stride, int pad) {\n"
                          "    return (in + 2 * pad - filter) / stride + 1;\n}")
    c = cell(a9, "conv")
    c.source = c.source.replace("sum += w[f][ch][u][v] * x[img][ch][row][col];",
                                "sum += w[f][ch][fh - 1 - u][fw - 1 - v] * x[img][ch][row][col];")
    c = cell(a9, "pool")
    forward = c.source.split("\n\n/** ∂L/∂x")[0]
    c.source = forward.replace("double best = x[img][ch][i * stride][j * stride];", "double best = 0;") + """

double[][][][] maxPoolBackward(double[][][][] x, double[][][][] dOut, int poolH, int poolW, int stride) {
    double[][][][] dx = new double[x.length][x[0].length][x[0][0].length][x[0][0][0].length];
    for (int n = 0; n < dOut.length; n++) for (int c = 0; c < dOut[0].length; c++)
        for (int i = 0; i < dOut[0][0].length; i++) for (int j = 0; j < dOut[0][0][0].length; j++)
            for (int u = 0; u < poolH; u++) for (int v = 0; v < poolW; v++)
                dx[n][c][i * stride + u][j * stride + v] += dOut[n][c][i][j] / (poolH * poolW);
    return dx;
}"""
    answer(a9, "cnn", "Sequential buildCnn(long seed) {\n"
                      "    return new Sequential().add(new Dense(64, 30, Init.he(), seed)).add(Activation.relu())\n"
                      "            .add(new Dense(30, 10, Init.he(), seed + 1));\n}")
    return a9


def convolution_mistakes2():
    """H + P for the padding, a filter that does not jump, the library's square MaxPooling, the gradient to every
    tied maximum, a convolution without pooling (too many parameters)."""
    a9 = source(NAME)
    c = cell(a9, "outsize")
    c.source = c.source.replace("int span = in + 2 * pad - filter;", "int span = in + pad - filter;")
    c = cell(a9, "conv")
    c.source = (c.source.replace("int oh = outputSize(h, fh, stride, pad), ow = outputSize(wd, fw, stride, pad);",
                                 "int oh = (h + 2 * pad - fh) / stride + 1, ow = (wd + 2 * pad - fw) / stride + 1;")
                .replace("int row = i * stride + u - pad;", "int row = i + u - pad;")
                .replace("int col = j * stride + v - pad;", "int col = j + v - pad;"))
    answer(a9, "pool", """double[][][][] maxPool(double[][][][] x, int poolH, int poolW, int stride) {
    int n = x.length, c = x[0].length, h = x[0][0].length, w = x[0][0][0].length;
    MaxPooling pool = new MaxPooling(c, h, w, poolH, stride);
    pool.forward(org.ejml.data.DMatrixRMaj.wrap(n, c * h * w, Arrays4.flatten(x)), false);
    int[] s = pool.outputShape();
    return Arrays4.unflatten(pool.pooledMaps().toArray(), n, s[0], s[1], s[2]);
}

double[][][][] maxPoolBackward(double[][][][] x, double[][][][] dOut, int poolH, int poolW, int stride) {
    double[][][][] dx = new double[x.length][x[0].length][x[0][0].length][x[0][0][0].length];
    for (int n = 0; n < dOut.length; n++) for (int c = 0; c < dOut[0].length; c++)
        for (int i = 0; i < dOut[0][0].length; i++) for (int j = 0; j < dOut[0][0][0].length; j++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int u = 0; u < poolH; u++) for (int v = 0; v < poolW; v++) m = Math.max(m, x[n][c][i * stride + u][j * stride + v]);
            for (int u = 0; u < poolH; u++) for (int v = 0; v < poolW; v++)
                if (x[n][c][i * stride + u][j * stride + v] == m) dx[n][c][i * stride + u][j * stride + v] += dOut[n][c][i][j];
        }
    return dx;
}""")
    answer(a9, "cnn", """Sequential buildCnn(long seed) {
    Convolution conv = new Convolution(1, 8, 8, 8, 3, 1, 0, Init.he(), seed);
    return new Sequential().add(conv).add(Activation.relu()).add(new Dense(conv.outputSize(), 10, Init.he(), seed + 1));
}""")
    return a9


def robust_convolution():
    """An ArithmeticException where an IllegalArgumentException is asked, an edited and a deleted test cell, an
    exception in the backward pass, System.exit in part 4."""
    a9 = source(NAME)
    c = cell(a9, "outsize")
    c.source = c.source.replace("throw new IllegalArgumentException(", "throw new ArithmeticException(")
    cell(a9, "pool_check").source = 'System.out.println("all checks passed, trust me");'
    a9.cells.remove(cell(a9, "conv_check"))
    c = cell(a9, "pool")
    c.source = c.source.replace("    double[][][][] dx = new double[n][c][h][w];\n",
                                "    double[][][][] dx = new double[n][c][h][w];\n"
                                '    if (dx != null) throw new IllegalStateException("boom from the backward pass");\n')
    answer(a9, "cnn", "Sequential buildCnn(long seed) {\n    return null;\n}\nSystem.exit(0);")
    return a9
