package dl.experiments;

import dl.activations.Activation;
import dl.calculus.Derivatives;
import dl.calculus.Examples;
import dl.calculus.Function2D;
import dl.calculus.Grid;
import dl.calculus.ScalarFunction;
import dl.calculus.TangentLine;
import dl.data.Split;
import dl.descent.GradientDescent;
import dl.descent.Path;
import dl.init.Init;
import dl.network.History;
import dl.network.Mlp;
import dl.network.Sampling;
import dl.network.Sequential;
import dl.network.Trainer;
import dl.optimizers.Sgd;
import dl.plot.Chart;
import dl.plot.Legend;
import dl.plot.Tables;
import dl.plot.Traces;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;

/** DLFS chapter 4: numerical derivatives, gradients, gradient descent and the two-layer network (with ch. 5's ReLU). */
final class Chapter4 {
    private Chapter4() {
    }

    static String point(double[] p) {
        return String.format(Locale.ROOT, "(%.4f, %.4f)", p[0], p[1]);
    }

    /** gradient_1d: central differences of 0.01x² + 0.1x at 5 and 10, and the tangent at 5. */
    static Outcome gradient1d(Lab lab) {
        Outcome o = new Outcome("gradient_1d", "Numerical derivative (수치 미분) of f(x) = 0.01x² + 0.1x",
                "f(x) = 0.01x² + 0.1x on [0, 20), central difference h = 1e-4; tangent at x = 5");
        lab.plan(1);
        DoubleUnaryOperator f = x -> 0.01 * (x * x) + 0.1 * x;
        double at5 = Derivatives.central(f, 5), at10 = Derivatives.central(f, 10);
        o.row("x = 5", "f'(x), central difference", at5, "%.16g", "0.1999999999990898");
        o.row("x = 10", "f'(x), central difference", at10, "%.16g", "0.2999999999986347");
        double[] xs = Grid.arange(0, 20, 0.1);
        o.figure(Chart.of("f(x) = 0.01x² + 0.1x and its tangent at x = 5", "x", "f(x)",
                Traces.line("f(x)", xs, Grid.evaluate(f, xs)),
                Traces.dashed("tangent at x = 5 (slope by central difference)", xs, TangentLine.of(f, 5).at(xs)))
                .legend(Legend.TOP_LEFT));
        lab.advance(1);
        return o.judge(Math.abs(at5 - 0.1999999999990898) < 1e-15 && Math.abs(at10 - 0.2999999999986347) < 1e-15,
                Outcome.Verdict.PARTLY, "both derivatives equal the book's printed digits (to 1e-15)");
    }

    /** gradient_2d: the gradient of x0² + x1² at three points, and the field of −∇f. */
    static Outcome gradient2d(Lab lab) {
        Outcome o = new Outcome("gradient_2d", "Gradient (그래디언트) of f(x0, x1) = x0² + x1²",
                "f = x0² + x1², numerical gradient (h = 1e-4) at (3, 4), (0, 2), (3, 0); −∇f on the grid arange(−2, 2.5, 0.25)");
        lab.plan(1);
        Function2D sq = Examples.SUM_OF_SQUARES;
        double[][] points = {{3, 4}, {0, 2}, {3, 0}};
        String[] book = {"[6, 8]", "[0, 4]", "[6, 0]"};
        double worst = 0;
        for (int i = 0; i < points.length; i++) {
            double[] g = Derivatives.gradient(sq, points[i], 1e-4);
            worst = Math.max(worst, Math.max(Math.abs(g[0] - 2 * points[i][0]), Math.abs(g[1] - 2 * points[i][1])));
            o.rowText(String.format(Locale.ROOT, "at (%.0f, %.0f)", points[i][0], points[i][1]), "numerical gradient ∇f (JSON: its first coordinate)",
                    g[0], String.format(Locale.ROOT, "[%.9f, %.9f]", g[0], g[1]), book[i]);
        }
        double[] grid = Grid.arange(-2, 2.5, 0.25);
        int n = grid.length * grid.length, k = 0;
        double[] ax = new double[n], ay = new double[n], au = new double[n], av = new double[n];
        for (double gy : grid) {
            for (double gx : grid) {
                double[] g = Derivatives.gradient(sq, new double[] {gx, gy}, 1e-4);
                ax[k] = gx;
                ay[k] = gy;
                au[k] = -0.05 * g[0];
                av[k] = -0.05 * g[1];
                k++;
            }
        }
        o.figure(Chart.of("−∇f of x0² + x1²: the arrows point to the minimum", "x0", "x1",
                Traces.arrows("−∇f (scaled by 0.05)", ax, ay, au, av), Traces.point("minimum (0, 0)", 0, 0))
                .xRange(-2.4, 2.4).yRange(-2.4, 2.4).size(600, 560).legend(Legend.BELOW));
        lab.advance(1);
        return o.judge(worst < 1e-6, Outcome.Verdict.NOT_REPRODUCED,
                "every numerical gradient is within 1e-6 of the exact (2·x0, 2·x1), as the book's rounded output shows");
    }

    /** gradient_method: 20 steps of gradient descent with lr 0.1; lr 10 and lr 1e-10 for 100 steps. */
    static Outcome gradientMethod(Lab lab) {
        Outcome o = new Outcome("gradient_method", "Gradient descent (경사하강법) on x0² + x1²",
                "start (−3, 4), numerical gradient h = 1e-4; lr 0.1 for 20 steps, lr 10 and lr 1e-10 for 100 steps");
        lab.plan(3);
        Function2D sq = Examples.SUM_OF_SQUARES;
        // the book's numerical gradient (h = 1e-4), not the analytic one: it is what makes lr 10 end near −2.6e13
        ScalarFunction numeric = ScalarFunction.of(x -> sq.value(x), x -> Derivatives.gradient(sq, x, 1e-4));
        Path good = new GradientDescent(0.1, 20).run(numeric, -3, 4);
        lab.advance(1);
        Path big = new GradientDescent(10, 100).withDivergenceBound(Double.MAX_VALUE).run(numeric, -3, 4);
        lab.advance(1);
        Path tiny = new GradientDescent(1e-10, 100).run(numeric, -3, 4);
        lab.advance(1);
        o.rowText("lr 0.1, 20 steps", "final point (JSON: x0)", good.last()[0], point(good.last()), "(−0.0346, 0.0461)");
        o.rowText("lr 10, 100 steps", "final x0", big.last()[0], String.format(Locale.ROOT, "%.4g (x1 %.4g)", big.last()[0],
                big.last()[1]), "≈ −2.59e13 (diverges)");
        o.rowText("lr 1e-10, 100 steps", "distance moved", Math.hypot(tiny.last()[0] + 3, tiny.last()[1] - 4),
                String.format(Locale.ROOT, "%.2e (to (%.11f, %.11f))", Math.hypot(tiny.last()[0] + 3, tiny.last()[1] - 4),
                        tiny.last()[0], tiny.last()[1]), "barely moves");
        Path analytic = new GradientDescent(10, 100).run(sq, -3, 4);
        o.note("With lr 10 each step multiplies x by −19; with the numerical gradient the growth stops near 2.6e13, where "
                + "x ± 1e-4 rounds to x and the central difference becomes 0. With the analytic gradient: "
                + analytic.stopMessage() + ".");
        double[] qx = Grid.linspace(-4.5, 4.5, 61);
        o.figure(Chart.of("Gradient descent on x0² + x1² from (−3, 4), lr 0.1, 20 steps", "x0", "x1",
                Traces.contour("x0² + x1²", qx, qx, Grid.evaluate(sq, qx, qx)), Traces.path("x_k, lr 0.1", good))
                .size(640, 560));
        boolean ok = Math.abs(good.last()[0] + 0.0346) < 5e-5 && Math.abs(good.last()[1] - 0.0461) < 5e-5
                && Math.abs(big.last()[0]) > 1e12 && Math.hypot(tiny.last()[0] + 3, tiny.last()[1] - 4) < 1e-6;
        return o.judge(ok, Outcome.Verdict.PARTLY, "lr 0.1 ends at the book's (−0.0346, 0.0461) to 4 decimals, lr 10 "
                + "runs away beyond 1e12, lr 1e-10 moves less than 1e-6");
    }

    /**
     * train_neuralnet (ch. 4 with sigmoid, ch. 5 with ReLU): 784-50-10, weights N(0, 0.01²), SGD lr 0.1, batches of
     * 100 drawn with replacement, 10 000 iterations, evaluated every epoch (600 iterations) on all training and test
     * images; also ReLU with He initialization, the course's lecture 12.
     */
    static Outcome trainNeuralnet(Lab lab) {
        Split data = lab.fashion();
        int iterations = lab.n(10_000, 30);
        Outcome o = new Outcome("train_neuralnet", "Two-layer network 784-50-10 trained with SGD",
                "TwoLayerNet 784-50-10, init std 0.01, SGD lr 0.1, batch 100, 10 000 iterations, "
                        + "accuracy on all training and test images every epoch (600 iterations)");
        o.note("Data: " + lab.fashionName() + "; the book: MNIST.");
        String[] names = {"sigmoid, std 0.01 (ch. 4)", "ReLU, std 0.01 (ch. 5)", "ReLU, He (lecture 12)"};
        Activation[] acts = {Activation.sigmoid(), Activation.relu(), Activation.relu()};
        Init[] inits = {Init.normal(0.01), Init.normal(0.01), Init.he()};
        String[] book = {"0.9465 (MNIST)", "0.969 (MNIST)", "≈ 0.87 (Fashion-MNIST, measured for this course)"};
        History[] runs = new History[names.length];
        lab.plan((double) names.length * iterations);
        for (int r = 0; r < names.length; r++) {
            Sequential net = Mlp.of(784, 50, 10).activation(acts[r]).init(inits[r]).seed(1).build();
            runs[r] = new Trainer(new Sgd(0.1)).batchSize(100).iterations(iterations).sampling(Sampling.WITH_REPLACEMENT)
                    .seed(1).onProgress(lab.tracking()).fit(net, data.train(), data.test());
            o.row(names[r], "final test accuracy", runs[r].last().testAccuracy(), "%.4f", book[r]);
            o.row(names[r], "final training accuracy", runs[r].last().trainAccuracy(), "%.4f", "—");
        }
        Table curves = Tables.curves("epoch", runs[0].epochAxis(), "test accuracy", "network",
                names[0], runs[0].testAccuracy(), names[1], runs[1].testAccuracy(), names[2], runs[2].testAccuracy());
        o.figure(LinePlot.create("Test accuracy after each epoch, 784-50-10, SGD lr 0.1, batch 100", curves, "epoch",
                "test accuracy", "network"));
        double sigmoid = runs[0].last().testAccuracy(), relu = runs[1].last().testAccuracy();
        return o.judge(sigmoid > 0.75 && relu > sigmoid, Outcome.Verdict.PARTLY,
                "both networks learn (test accuracy above 0.75, chance is 0.1) and ReLU ends above sigmoid, "
                        + "as in the book (0.969 against 0.9465)");
    }
}
