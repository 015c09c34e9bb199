package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
    /** Documented in data/README.md. */
    private static final int TRAIN = 20000, TEST = 2000;
    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path dir;

    @Test
    void shippedSubsetHasDocumentedBalancedCountsAndPixelsInUnitRange() {
        Split data = FashionMnist.loadDefault();
        check(data.train(), TRAIN);
        check(data.test(), TEST);
    }

    private static void check(Dataset d, int n) {
        assertEquals(n, d.size());
        assertEquals(784, d.numFeatures());
        int[] expected = new int[10];
        java.util.Arrays.fill(expected, n / 10);
        assertArrayEquals(expected, d.classCounts());
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : d.features().data) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0.0, min, 0.0);
        assertEquals(1.0, max, 0.0);
        double[][] img = d.image(0, FashionMnist.ROWS, FashionMnist.COLS);
        assertEquals(28, img.length);
        assertEquals(d.features().get(0, 28 * 5 + 7), img[5][7], 0.0);
    }

    /** Provenance: every shipped test image is an image of the original test set, with its original label. */
    @Test
    void shippedTestImagesComeFromTheOriginalTestSet() {
        Assumptions.assumeTrue(Files.isRegularFile(DEBIAN.resolve(FashionMnist.TEST_IMAGES)),
                "Debian's dataset-fashion-mnist is not installed");
        Idx.Images full = Idx.readImages(DEBIAN.resolve(FashionMnist.TEST_IMAGES));
        int[] fullLabels = Idx.readLabels(DEBIAN.resolve(FashionMnist.TEST_LABELS));
        Map<ByteBuffer, Integer> labelOf = new HashMap<>();
        for (int i = 0; i < full.count(); i++) {
            labelOf.put(ByteBuffer.wrap(full.pixels(), i * 784, 784).slice(), fullLabels[i]);
        }
        Path shipped = DataDirectory.locate("Fashion-MNIST", "fashion-mnist", FashionMnist.TEST_IMAGES);
        Idx.Images sub = Idx.readImages(shipped.resolve(FashionMnist.TEST_IMAGES));
        int[] subLabels = Idx.readLabels(shipped.resolve(FashionMnist.TEST_LABELS));
        for (int i = 0; i < sub.count(); i++) {
            Integer label = labelOf.get(ByteBuffer.wrap(sub.pixels(), i * 784, 784).slice());
            assertNotNull(label, "shipped test image " + i + " is not in the original test set");
            assertEquals(label.intValue(), subLabels[i], "label of shipped test image " + i);
        }
    }

    @Test
    void classNamesFollowTheLabelOrder() {
        assertEquals("T-shirt/top", FashionMnist.className(0));
        assertEquals("Sneaker", FashionMnist.className(7));
        assertEquals("Ankle boot", FashionMnist.className(9));
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.className(10));
    }

    @Test
    void loadsTinyFilesFromAnExplicitDirectory() {
        writeTiny(dir, 3, 3, 28);
        Split s = FashionMnist.load(dir);
        assertEquals(3, s.train().size());
        assertEquals(255 / 255.0, s.train().features().get(1, 0), 0.0);
        assertEquals(100 / 255.0, s.train().features().get(1, 1), 1e-15);
        assertArrayEquals(new int[] {0, 9, 4}, s.train().labels());
    }

    @Test
    void imageAndLabelCountMismatchNamesBothFiles() {
        writeTiny(dir, 3, 2, 28);
        DataFileException e = assertThrows(DataFileException.class, () -> FashionMnist.load(dir));
        assertEquals(dir.resolve(FashionMnist.TRAIN_LABELS) + ": has 2 labels but "
                + dir.resolve(FashionMnist.TRAIN_IMAGES) + " has 3 images", e.getMessage());
    }

    @Test
    void wrongImageSizeAndBadLabelAreReported() {
        writeTiny(dir, 3, 3, 8);
        DataFileException e = assertThrows(DataFileException.class, () -> FashionMnist.load(dir));
        assertTrue(e.getMessage().endsWith("expected 28×28 Fashion-MNIST images, found 8×8"), e.getMessage());

        writeTiny(dir, 3, 3, 28);
        Idx.writeLabels(dir.resolve(FashionMnist.TEST_LABELS), new int[] {1, 10, 2});
        e = assertThrows(DataFileException.class, () -> FashionMnist.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve(FashionMnist.TEST_LABELS) + ": label 1 is 10; expected 0..9"),
                e.getMessage());
    }

    @Test
    void missingFileInExplicitDirectoryIsNamed() {
        DataFileException e = assertThrows(DataFileException.class, () -> FashionMnist.load(dir));
        assertEquals(dir.resolve(FashionMnist.TRAIN_IMAGES) + ": file not found", e.getMessage());
    }

    @Test
    void dataDirPropertyTakesPrecedenceOverTheRepository() {
        writeTiny(dir.resolve("fashion-mnist"), 3, 3, 28);
        String old = System.getProperty(DataDirectory.PROPERTY);
        System.setProperty(DataDirectory.PROPERTY, dir.toString());
        try {
            assertEquals(3, FashionMnist.loadDefault().train().size());
        } finally {
            restore(old);
        }
    }

    @Test
    void notFoundAnywhereExplainsWhereItLookedAndHowToFixIt() {
        String old = System.getProperty(DataDirectory.PROPERTY);
        System.setProperty(DataDirectory.PROPERTY, dir.toString());
        try {
            DataFileException e = assertThrows(DataFileException.class,
                    () -> DataDirectory.locate("Fashion-MNIST", "no-such-set", "x-idx3-ubyte.gz"));
            String m = e.getMessage();
            assertTrue(m.startsWith("Fashion-MNIST not found: looked for data/no-such-set/x-idx3-ubyte.gz in "
                    + Path.of("").toAbsolutePath() + " and its parents and in " + dir.toAbsolutePath()), m);
            assertTrue(m.contains("set DL_DATA_DIR"), m);

            System.setProperty(DataDirectory.PROPERTY, dir.resolve("missing").toString());
            e = assertThrows(DataFileException.class, FashionMnist::loadDefault);
            assertTrue(e.getMessage().contains("which is not a directory"), e.getMessage());
        } finally {
            restore(old);
        }
    }

    private static void restore(String old) {
        if (old == null) {
            System.clearProperty(DataDirectory.PROPERTY);
        } else {
            System.setProperty(DataDirectory.PROPERTY, old);
        }
    }

    /** Writes train and test files: {@code images} images of side × side, {@code labels} labels. */
    private static void writeTiny(Path d, int images, int labels, int side) {
        byte[] px = new byte[images * side * side];
        px[side * side] = (byte) 255;
        px[side * side + 1] = 100;
        int[] y = java.util.Arrays.copyOf(new int[] {0, 9, 4, 1}, labels);
        for (String prefix : new String[] {"train", "t10k"}) {
            Idx.writeImages(d.resolve(prefix + "-images-idx3-ubyte.gz"), new Idx.Images(images, side, side, px));
            Idx.writeLabels(d.resolve(prefix + "-labels-idx1-ubyte.gz"), y);
        }
    }
}
