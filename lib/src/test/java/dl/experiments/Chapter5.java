package dl.experiments;

import dl.activations.Activation;
import dl.data.Dataset;
import dl.init.Init;
import dl.network.GradientCheck;
import dl.network.Mlp;
import dl.network.Sequential;
import java.util.List;
import java.util.Map;

/** DLFS chapter 5: back-propagation checked against numerical gradients. */
final class Chapter5 {
    private Chapter5() {
    }

    /** gradient_check: 784-50-10 (ReLU, std 0.01) on the first 3 training images, numeric (h = 1e-4) against backprop. */
    static Outcome gradientCheck(Lab lab) {
        int hidden = lab.n(50, 5);
        Outcome o = new Outcome("gradient_check", "Gradient check (기울기 확인): back-propagation against central differences",
                "TwoLayerNet 784-50-10 (ReLU, init std 0.01), the first 3 training images, numerical gradient h = 1e-4; "
                        + "mean absolute difference per parameter tensor");
        o.note("Data: the first 3 images of " + lab.fashionShort() + "; the book: MNIST."
                + (lab.quick ? " Quick mode: 784-" + hidden + "-10." : ""));
        lab.plan(1);
        Dataset first3 = lab.fashion().train().head(3);
        Sequential net = Mlp.of(784, hidden, 10).activation(Activation.relu()).init(Init.normal(0.01)).seed(24).build();
        GradientCheck.Result check = GradientCheck.check(net, first3.features(), first3.labels(), 1e-4);
        lab.advance(1);
        Map<String, String> book = Map.of("W1", "2.22e-13", "b1", "9.70e-13", "W2", "8.41e-13", "b2", "1.19e-10");
        double worst = 0;
        for (String name : List.of("W1", "b1", "W2", "b2")) {
            double diff = check.row(name).meanAbsDiff();
            worst = Math.max(worst, diff);
            o.row(name, "mean |backprop − numerical|", diff, "%.2e", book.get(name));
        }
        o.table(check.table().setName("gradient check of every parameter tensor (ours)"));
        return o.judge(worst < 1e-9, Outcome.Verdict.NOT_REPRODUCED,
                "every tensor's mean absolute difference is below 1e-9, the order of the book's 1e-13 … 1e-10");
    }
}
