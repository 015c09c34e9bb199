package dl.experiments;

import dl.data.Dataset;
import dl.data.Digits;
import dl.data.FashionMnist;
import dl.data.Split;
import dl.network.Progress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * What every experiment draws on: the size it runs at (the book's, or {@code --quick}'s tiny one), the data sets, and
 * the progress of the experiment that is running. In full mode Fashion-MNIST is the whole set (60 000 + 10 000 images)
 * from the folder given on the command line; in quick mode it is the repository's subset (data/fashion-mnist), cut
 * further, so that the quick mode needs no installed data set.
 */
final class Lab {
    /** Quick mode's Fashion-MNIST: the first images of the repository's subset. */
    static final int QUICK_TRAIN = 2000, QUICK_TEST = 500;

    final boolean quick;
    private final Path fashionDir;
    private final ProgressLine progress;
    private Split fashion;
    private Dataset digits;
    private double work = 1;
    private double done;

    Lab(boolean quick, Path fashionDir, ProgressLine progress) {
        this.quick = quick;
        this.fashionDir = fashionDir;
        this.progress = Objects.requireNonNull(progress, "progress");
        if (!quick) {
            Objects.requireNonNull(fashionDir, "the full mode needs the folder of the full Fashion-MNIST");
        }
    }

    /** The book's size, or quick mode's. */
    int n(int full, int quickSize) {
        return quick ? quickSize : full;
    }

    /** Fashion-MNIST, 60 000 + 10 000 images (quick mode: 2000 + 500 of the repository's subset). */
    Split fashion() {
        if (fashion == null) {
            if (quick) {
                Split subset = FashionMnist.loadDefault();
                fashion = new Split(subset.train().head(QUICK_TRAIN), subset.test().head(QUICK_TEST));
            } else {
                fashion = FashionMnist.load(fashionDir);
                if (fashion.train().size() != 60_000 || fashion.test().size() != 10_000) {
                    throw new IllegalStateException("expected the full Fashion-MNIST (60 000 + 10 000 images) in "
                            + fashionDir + ", found " + fashion.train().size() + " + " + fashion.test().size());
                }
            }
        }
        return fashion;
    }

    /** What {@link #fashion} holds, for the report. */
    String fashionName() {
        return quick ? "Fashion-MNIST, the first " + QUICK_TRAIN + " + " + QUICK_TEST + " images of the repository's subset"
                : "Fashion-MNIST, all 60 000 training and 10 000 test images (" + fashionDir + ")";
    }

    /** {@link #fashion} in a few words, for a note such as "the first 300 training images of …". */
    String fashionShort() {
        return quick ? "Fashion-MNIST (the repository's subset)" : "Fashion-MNIST (the full set)";
    }

    /**
     * The 8 × 8 digits (1797 images) shuffled with seed 1, split into the first {@code train} images and the rest as
     * the test set (quick mode: at most 200 test images).
     */
    Split digits(int train) {
        if (digits == null) {
            digits = Digits.load().shuffled(1);
        }
        if (train <= 0 || train >= digits.size()) {
            throw new IllegalArgumentException("a digits training set needs 1 … " + (digits.size() - 1) + " images, got " + train);
        }
        int end = quick ? Math.min(digits.size(), train + 200) : digits.size();
        return new Split(digits.rows(IntStream.range(0, train).toArray()),
                digits.rows(IntStream.range(train, end).toArray()));
    }

    /** Starts counting the current experiment's work: {@code units} in all (e.g. training iterations). */
    void plan(double units) {
        work = Math.max(units, 1e-9);
        done = 0;
        progress.update(0);
    }

    /** {@code units} more of the current experiment's work are done. */
    void advance(double units) {
        done += units;
        progress.update(done / work);
    }

    /** A Trainer listener that reports its iterations on top of the {@code units} already done. */
    Consumer<Progress> tracking() {
        double base = done;
        return p -> {
            done = base + p.evaluation().iteration();
            progress.update(done / work);
        };
    }

    /** Rounds to {@code digits} decimals (for tables). */
    static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Double.isFinite(v) ? Math.round(v * scale) / scale : v;
    }

    /** The mean of the last {@code k} values (all of them if there are fewer). */
    static double meanOfLast(double[] v, int k) {
        return Arrays.stream(v, Math.max(0, v.length - k), v.length).average().orElse(Double.NaN);
    }
}
