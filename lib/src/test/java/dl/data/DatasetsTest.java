package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DatasetsTest {
    /** n samples whose single feature is the sample's index, labels i mod k. */
    private static Dataset indexed(int n, int k) {
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x.set(i, 0, i);
            y[i] = i % k;
        }
        return new Dataset(x, y);
    }

    private static Set<Integer> ids(Dataset d) {
        Set<Integer> s = new HashSet<>();
        for (int i = 0; i < d.size(); i++) {
            int id = (int) d.features().get(i, 0);
            assertEquals(id % 3, d.labels()[i] % 3, "label travelled with its row");
            assertTrue(s.add(id), "sample " + id + " appears twice");
        }
        return s;
    }

    @Test
    void oneHotPutsASingleOneInTheLabelsColumn() {
        DMatrixRMaj t = Datasets.oneHot(new int[] {2, 0, 1, 2}, 4);
        assertEquals(4, t.numRows);
        assertEquals(4, t.numCols);
        assertArrayEquals(new double[] {0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, t.data, 0.0);
        assertEquals(3, Datasets.oneHot(indexed(5, 3)).numCols);
    }

    @Test
    void oneHotRejectsLabelsOutsideTheClassRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.oneHot(new int[] {1, 12}, 10));
        assertEquals("label 12 at index 1 is outside 0..9 (numClasses = 10)", e.getMessage());
    }

    @Test
    void splitHasRoundedSizesIsDisjointAndCoversEverything() {
        Dataset d = indexed(103, 3);
        Split s = Datasets.trainTestSplit(d, 0.2, 42);
        assertEquals(21, s.test().size()); // round(20.6)
        assertEquals(82, s.train().size());
        Set<Integer> train = ids(s.train()), test = ids(s.test());
        Set<Integer> both = new HashSet<>(train);
        both.retainAll(test);
        assertTrue(both.isEmpty(), "overlap " + both);
        train.addAll(test);
        assertEquals(103, train.size());
    }

    @Test
    void splitIsDeterministicForASeedAndShuffles() {
        Dataset d = indexed(100, 3);
        Split a = Datasets.trainTestSplit(d, 0.3, 1), b = Datasets.trainTestSplit(d, 0.3, 1);
        Split c = Datasets.trainTestSplit(d, 0.3, 2);
        assertArrayEquals(a.test().features().data, b.test().features().data, 0.0);
        assertFalse(Arrays.equals(a.test().features().data, c.test().features().data));
        // not simply the last 30 rows in order
        assertFalse(Arrays.equals(a.test().features().data, d.rows(range(70, 100)).features().data));
    }

    @Test
    void stratifiedSplitKeepsClassProportions() {
        DMatrixRMaj x = new DMatrixRMaj(100, 1);
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            x.set(i, 0, i);
            y[i] = i < 70 ? 0 : i < 90 ? 1 : 2; // 70 / 20 / 10
        }
        Split s = Datasets.stratifiedSplit(new Dataset(x, y), 0.3, 9);
        assertArrayEquals(new int[] {21, 6, 3}, s.test().classCounts());
        assertArrayEquals(new int[] {49, 14, 7}, s.train().classCounts());
        Set<Double> seen = new HashSet<>();
        for (double v : s.train().features().data) {
            seen.add(v);
        }
        for (double v : s.test().features().data) {
            assertTrue(seen.add(v), "sample " + v + " is in both parts");
        }
        assertEquals(100, seen.size());
        Split again = Datasets.stratifiedSplit(new Dataset(x, y), 0.3, 9);
        assertArrayEquals(s.test().features().data, again.test().features().data, 0.0);
    }

    @Test
    void badTestFractionsAreRejectedWithTheValue() {
        Dataset d = indexed(10, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.trainTestSplit(d, 1.0, 1));
        assertEquals("testFraction must be strictly between 0 and 1, got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.trainTestSplit(d, 0.01, 1));
        assertTrue(e.getMessage().contains("leaves the test set empty for 10 samples"), e.getMessage());
    }

    @Test
    void shuffleInPlaceIsThePermutationOfTheSameDraws() {
        // Datasets.shuffle is the one Fisher–Yates loop: shuffling the identity gives permutation(n, rng)
        int[] a = java.util.stream.IntStream.range(0, 50).toArray();
        Datasets.shuffle(a, new java.util.Random(9));
        assertArrayEquals(Datasets.permutation(50, new java.util.Random(9)), a);
        assertArrayEquals(Datasets.permutation(50, 9), a);
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        assertArrayEquals(java.util.stream.IntStream.range(0, 50).toArray(), sorted);
        // shuffling again continues from the current order (what the trainer does each epoch)
        java.util.Random rng = new java.util.Random(9);
        int[] b = java.util.stream.IntStream.range(0, 50).toArray();
        Datasets.shuffle(b, rng);
        Datasets.shuffle(b, rng);
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void headShuffledSampleAndImage() {
        Dataset d = indexed(10, 3);
        assertArrayEquals(new double[] {0, 1, 2}, d.head(3).features().data, 0.0);
        assertArrayEquals(new int[] {0, 1, 2}, d.head(3).labels());
        assertThrows(IllegalArgumentException.class, () -> d.head(11));

        Dataset s = d.shuffled(5);
        double[] sorted = s.features().data.clone();
        Arrays.sort(sorted);
        assertArrayEquals(d.features().data, sorted, 0.0);
        assertFalse(Arrays.equals(d.features().data, s.features().data));
        assertArrayEquals(s.features().data, d.shuffled(5).features().data, 0.0);

        DMatrixRMaj x = new DMatrixRMaj(2, 6);
        for (int k = 0; k < 12; k++) {
            x.data[k] = k;
        }
        Dataset img = new Dataset(x, new int[] {0, 1});
        assertArrayEquals(new double[][] {{6, 7, 8}, {9, 10, 11}}, img.image(1, 2, 3));
        assertArrayEquals(new double[] {6, 7, 8, 9, 10, 11}, img.sample(1), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> img.image(0, 28, 28));
        assertEquals("a 28×28 image needs 784 features but each sample has 6", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> img.sample(2));
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    @Test
    void validationSplitHoldsOutTheRoundedFractionDisjointAndComplete() {
        Dataset d = indexed(500, 3);
        ValidationSplit s = Datasets.validationSplit(d, 0.2, 7);
        assertEquals(100, s.validation().size(), "DLFS: 500 samples → 100 validation");
        assertEquals(400, s.train().size());
        Set<Integer> train = ids(s.train()), validation = ids(s.validation());
        Set<Integer> overlap = new HashSet<>(train);
        overlap.retainAll(validation);
        assertTrue(overlap.isEmpty(), "shared samples " + overlap);
        Set<Integer> all = new HashSet<>(train);
        all.addAll(validation);
        assertEquals(500, all.size());
        assertEquals(21, Datasets.validationSplit(indexed(103, 3), 0.2, 1).validation().size(), "round(20.6)");
    }

    @Test
    void validationSplitIsFixedBySeedAndShuffles() {
        Dataset d = indexed(50, 3);
        ValidationSplit a = Datasets.validationSplit(d, 0.3, 5), b = Datasets.validationSplit(d, 0.3, 5);
        ValidationSplit c = Datasets.validationSplit(d, 0.3, 6);
        assertArrayEquals(a.validation().features().data, b.validation().features().data, 0.0);
        assertArrayEquals(a.train().features().data, b.train().features().data, 0.0);
        assertFalse(Arrays.equals(a.validation().features().data, c.validation().features().data), "another seed, other samples");
        assertFalse(Arrays.equals(d.head(15).features().data, a.validation().features().data), "not simply the first rows");
    }

    @Test
    void validationSplitRefusesBadFractionsAndNull() {
        Dataset d = indexed(10, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.validationSplit(d, 1.0, 0));
        assertEquals("validationFraction must be strictly between 0 and 1, got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.validationSplit(d, Double.NaN, 0));
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.validationSplit(d, 0.01, 0));
        assertEquals("validationFraction 0.01 leaves the validation set empty for 10 samples", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.validationSplit(d, 0.99, 0));
        assertEquals("validationFraction 0.99 leaves the training set empty for 10 samples", e.getMessage());
        assertEquals("dataset", assertThrows(NullPointerException.class, () -> Datasets.validationSplit(null, 0.2, 0)).getMessage());
        assertThrows(NullPointerException.class, () -> new ValidationSplit(d, null));
    }
}
