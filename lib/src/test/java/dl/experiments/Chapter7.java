package dl.experiments;

import dl.activations.Activation;
import dl.convolution.Convolution;
import dl.convolution.MaxPooling;
import dl.data.Dataset;
import dl.data.Split;
import dl.init.Init;
import dl.layers.Dense;
import dl.network.History;
import dl.network.Sampling;
import dl.network.Sequential;
import dl.network.Trainer;
import dl.optimizers.Adam;
import dl.plot.Figures;
import dl.plot.Tables;
import dl.tensors.Tensor;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;

/** DLFS chapter 7: SimpleConvNet trained for 20 epochs. */
final class Chapter7 {
    private Chapter7() {
    }

    /**
     * train_convnet: conv 30 × 5 × 5 (stride 1, pad 0) → ReLU → max-pool 2 × 2 → dense 4320 → 100 → ReLU → dense 100 → 10,
     * He initialization, Adam lr 0.001, batches of 100 drawn with replacement, 20 epochs of 600 iterations (12 000),
     * accuracy on 1000 training and 1000 test images after every epoch and on the whole test set at the end.
     */
    static Outcome trainConvnet(Lab lab) {
        Split data = lab.fashion();
        int iterations = lab.n(12_000, 4), evaluated = lab.n(1000, 50);
        Outcome o = new Outcome("train_convnet", "SimpleConvNet (합성곱 신경망), 20 epochs",
                "conv 30 filters 5 × 5 → ReLU → pool 2 × 2 → dense 100 → ReLU → dense 10; Adam lr 0.001; batch 100; "
                        + "20 epochs = 12 000 iterations; accuracy on 1000 training / 1000 test images per epoch, "
                        + "then on the whole test set");
        o.note("Data: " + lab.fashionName() + "; the book: MNIST, where the same network reaches about 0.99. "
                + "Fashion-MNIST is harder: the 784-50-10 MLP of train_neuralnet reaches about 0.87 on it.");
        Convolution conv = new Convolution(1, 28, 28, 30, 5, 1, 0, Init.he(), 1);
        MaxPooling pool = MaxPooling.after(conv, 2, 2);
        Sequential cnn = new Sequential().add(conv).add(Activation.relu()).add(pool)
                .add(new Dense(pool.outputSize(), 100, Init.he(), 2)).add(Activation.relu())
                .add(new Dense(100, 10, Init.he(), 3));
        lab.plan(iterations * 1.05); // the last 5 %: the whole test and training sets
        History h = new Trainer(new Adam(0.001)).batchSize(100).iterations(iterations).sampling(Sampling.WITH_REPLACEMENT)
                .seed(1).evaluationSamples(evaluated).onProgress(lab.tracking()).fit(cnn, data.train(), data.test());
        Dataset test = data.test(), train = data.train();
        double testAccuracy = cnn.accuracy(test);
        lab.advance(iterations * 0.01);
        double trainAccuracy = cnn.accuracy(train);
        lab.advance(iterations * 0.04);
        o.row("SimpleConvNet", "test accuracy, all " + test.size() + " test images", testAccuracy, "%.4f", "≈ 0.99 (MNIST)");
        o.row("SimpleConvNet", "training accuracy, all " + train.size() + " training images", trainAccuracy, "%.4f", "—");
        o.row("SimpleConvNet", "test accuracy after the last epoch (" + evaluated + " images)", h.last().testAccuracy(), "%.4f", "—");
        o.row("SimpleConvNet", "iterations trained", h.last().iteration(), "%.0f", "12 000");
        Table curves = Tables.curves("epoch", h.epochAxis(), "accuracy (" + evaluated + " images)", "data",
                "training", h.trainAccuracy(), "test", h.testAccuracy());
        o.figure(LinePlot.create("SimpleConvNet: accuracy after each epoch (Adam lr 0.001, batch 100)", curves, "epoch",
                "accuracy (" + evaluated + " images)", "data"));
        Tensor filters = conv.filters();
        List<double[][]> panels = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int f = 0; f < 30; f++) {
            panels.add(filters.slice(0, f).slice(0, 0).toMatrixArray());
            captions.add("filter " + f);
        }
        o.figure(Figures.images("The 30 learned 5 × 5 filters of the first layer (each tile scaled on its own)", 10,
                panels, captions));
        return o.judge(testAccuracy >= 0.89, Outcome.Verdict.NOT_REPRODUCED,
                "the CNN's test accuracy is at least 0.89, two points above the ≈ 0.87 of the 784-50-10 MLP on "
                        + "Fashion-MNIST, as the book's CNN (≈ 0.99) beats its MLP (0.969) on MNIST");
    }
}
