package dl.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/** Helpers that turn labels and data sets into what training needs: one-hot targets and splits (train / validation / test). */
public final class Datasets {
    private Datasets() {
    }

    /**
     * One-hot encoding: an N × K matrix T with T[i][labels[i]] = 1 and 0 elsewhere.
     */
    public static DMatrixRMaj oneHot(int[] labels, int numClasses) {
        Objects.requireNonNull(labels, "labels");
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be at least 1, got " + numClasses);
        }
        DMatrixRMaj t = new DMatrixRMaj(labels.length, numClasses);
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c < 0 || c >= numClasses) {
                throw new IllegalArgumentException("label " + c + " at index " + i + " is outside 0.." + (numClasses - 1)
                        + " (numClasses = " + numClasses + ")");
            }
            t.data[i * numClasses + c] = 1.0;
        }
        return t;
    }

    /** One-hot targets for a data set, K = {@code dataset.numClasses()}. */
    public static DMatrixRMaj oneHot(Dataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return oneHot(dataset.labels(), dataset.numClasses());
    }

    /**
     * Random train/test split: shuffles the sample indices with {@code seed} and puts
     * round(N · testFraction) of them in the test set. Both parts keep the shuffled order.
     */
    public static Split trainTestSplit(Dataset dataset, double testFraction, long seed) {
        Objects.requireNonNull(dataset, "dataset");
        int n = dataset.size();
        int nTest = testCount(n, testFraction);
        int[] order = permutation(n, new Random(seed));
        return new Split(dataset.rows(Arrays.copyOfRange(order, nTest, n)),
                dataset.rows(Arrays.copyOfRange(order, 0, nTest)));
    }

    /**
     * Validation split, DLFS's {@code shuffle_dataset} + slice: shuffles the samples
     * with {@code seed} and holds out the first round(N · validationFraction) as the validation set;
     * the rest, in the shuffled order, is the training set. Split the training part of a
     * train/test {@link Split} this way and keep the test set for the one final evaluation.
     */
    public static ValidationSplit validationSplit(Dataset dataset, double validationFraction, long seed) {
        Objects.requireNonNull(dataset, "dataset");
        int n = dataset.size();
        int nValidation = heldOutCount(n, validationFraction, "validationFraction", "validation");
        int[] order = permutation(n, new Random(seed));
        return new ValidationSplit(dataset.rows(Arrays.copyOfRange(order, nValidation, n)),
                dataset.rows(Arrays.copyOfRange(order, 0, nValidation)));
    }

    /**
     * Stratified split: like {@link #trainTestSplit}, but each class contributes
     * round(N_c · testFraction) samples to the test set, so both parts keep the class proportions.
     */
    public static Split stratifiedSplit(Dataset dataset, double testFraction, long seed) {
        Objects.requireNonNull(dataset, "dataset");
        int n = dataset.size();
        testCount(n, testFraction);
        Random rng = new Random(seed);
        int k = dataset.numClasses();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(dataset.labels()[i]).add(i);
        }
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        for (List<Integer> members : byClass) {
            int[] order = permutation(members.size(), rng);
            int nTest = (int) Math.round(members.size() * testFraction);
            for (int j = 0; j < order.length; j++) {
                (j < nTest ? test : train).add(members.get(order[j]));
            }
        }
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("testFraction " + testFraction + " leaves the "
                    + (train.isEmpty() ? "training" : "test") + " set empty for " + n + " samples");
        }
        return new Split(dataset.rows(shuffle(train, rng)), dataset.rows(shuffle(test, rng)));
    }

    /** A random permutation of 0 … n−1: the identity 0, 1, …, n−1, shuffled by {@link #shuffle}. */
    public static int[] permutation(int n, long seed) {
        return permutation(n, new Random(seed));
    }

    /** A random permutation of 0 … n−1 drawn from {@code rng}: the identity, shuffled by {@link #shuffle}. */
    public static int[] permutation(int n, Random rng) {
        Objects.requireNonNull(rng, "rng");
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rng);
        return p;
    }

    /**
     * Fisher–Yates shuffle, in place: for i = n−1 down to 1, swap a[i] with a[j], j uniform in
     * 0 … i. Every permutation is equally likely; it draws n − 1 numbers from {@code rng}.
     */
    public static void shuffle(int[] a, Random rng) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(rng, "rng");
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] shuffle(List<Integer> indices, Random rng) {
        int[] order = permutation(indices.size(), rng);
        int[] out = new int[indices.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = indices.get(order[i]);
        }
        return out;
    }

    private static int testCount(int n, double testFraction) {
        return heldOutCount(n, testFraction, "testFraction", "test");
    }

    /** round(n · fraction), refusing a fraction outside (0, 1) or one that leaves either part empty. */
    private static int heldOutCount(int n, double fraction, String argument, String heldOut) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(argument + " must be strictly between 0 and 1, got " + fraction);
        }
        int count = (int) Math.round(n * fraction);
        if (count == 0 || count == n) {
            throw new IllegalArgumentException(argument + " " + fraction + " leaves the "
                    + (count == 0 ? heldOut : "training") + " set empty for " + n + " samples");
        }
        return count;
    }
}
