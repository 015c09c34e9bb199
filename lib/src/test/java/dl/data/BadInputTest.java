package dl.data;

import dl.checks.Finite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the data package gets a named error (issue 15). */
class BadInputTest {
    @TempDir
    Path dir;

    private static DMatrixRMaj grid(double... v) {
        return new DMatrixRMaj(v.length / 2, 2, true, v);
    }

    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void aDatasetRefusesNaNAndInfinityNamingRowAndColumn() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(grid(0, 1, 2, Double.NaN, 4, 5), new int[] {0, 1, 0}));
        assertMentions(e, "NaN", "row 1", "column 1");
        e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(grid(0, 1, 2, 3, Double.NEGATIVE_INFINITY, 5), new int[] {0, 1, 0}));
        assertMentions(e, "-Infinity", "row 2", "column 0");
    }

    @Test
    void aDatasetNamesItsNullArgument() {
        assertMentions(assertThrows(NullPointerException.class, () -> new Dataset(null, new int[0])), "features");
        assertMentions(assertThrows(NullPointerException.class, () -> new Dataset(grid(1, 2), null)), "labels");
        assertMentions(assertThrows(NullPointerException.class, () -> new Dataset(grid(1, 2), new int[] {0}).rows(null)),
                "indices");
    }

    @Test
    void scalersRefuseNonFiniteDataInTransformNamingRowAndColumn() {
        DMatrixRMaj train = grid(0, 1, 2, 3);
        DMatrixRMaj bad = grid(0, 1, Double.POSITIVE_INFINITY, 3);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(train).transform(bad)),
                "Infinity", "row 1", "column 0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(train).transform(bad)),
                "Infinity", "row 1", "column 0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(grid(0, Double.NaN, 2, 3))),
                "NaN", "row 0", "column 1");
        assertMentions(assertThrows(NullPointerException.class, () -> Standardizer.fit(train).transform((DMatrixRMaj) null)), "x");
        assertMentions(assertThrows(NullPointerException.class, () -> MinMaxScaler.fit((Dataset) null)), "train");
    }

    @Test
    void scalersNameBothShapesOnAFeatureMismatch() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(grid(0, 1, 2, 3)).transform(new DMatrixRMaj(4, 3)));
        assertMentions(e, "2 features", "4×3");
    }

    @Test
    void finiteNamesTheEntry() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Finite.require(new double[] {1, Double.NaN}, "ys")), "ys[1]", "NaN");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Finite.require(new double[][] {{1, 2}, {3, Double.POSITIVE_INFINITY}}, "features")),
                "row 1", "column 1", "Infinity");
    }

    @Test
    void theIdxReaderChecksTheFileSizeBeforeAllocatingWhatTheHeaderClaims() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(Idx.IMAGE_MAGIC);
        out.writeInt(2_000_000);
        out.writeInt(1000);
        out.writeInt(1); // claims 2·10⁹ pixel bytes
        Path liar = dir.resolve("liar.idx");
        Files.write(liar, bytes.toByteArray());
        long t0 = System.nanoTime();
        var e = assertThrows(DataFileException.class, () -> Idx.readImages(liar));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertMentions(e, "truncated", "expected 2000000016 bytes", "found 16");
        assertTrue(seconds < 2, "refused after " + seconds + " s: it must not allocate 2 GB first");

        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        DataOutputStream lout = new DataOutputStream(labels);
        lout.writeInt(Idx.LABEL_MAGIC);
        lout.writeInt(Integer.MAX_VALUE - 100);
        Path gz = dir.resolve("liar-labels.gz");
        try (var z = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            z.write(labels.toByteArray());
        }
        var g = assertThrows(DataFileException.class, () -> Idx.readLabels(gz));
        assertMentions(g, "truncated", "(uncompressed)", "found 8");
    }

    @Test
    void loadersNameANullPath() {
        assertMentions(assertThrows(NullPointerException.class, () -> Idx.readImages(null)), "file");
        assertMentions(assertThrows(NullPointerException.class, () -> Idx.readLabels(null)), "file");
        assertMentions(assertThrows(NullPointerException.class, () -> Digits.load(null)), "file");
        assertMentions(assertThrows(NullPointerException.class, () -> FashionMnist.load(null)), "dir");
        assertMentions(assertThrows(NullPointerException.class, () -> FashionMnist.load(dir, null)), "labelFile");
        assertMentions(assertThrows(NullPointerException.class, () -> Datasets.oneHot(null, 3)), "labels");
        assertMentions(assertThrows(NullPointerException.class, () -> Datasets.trainTestSplit(null, 0.5, 1)), "dataset");
        assertMentions(assertThrows(NullPointerException.class, () -> new Split(null, null)), "train");
    }

    @Test
    void theIdxReaderStillReadsAValidFile() {
        Path f = dir.resolve("ok.idx");
        Idx.writeImages(f, new Idx.Images(2, 2, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertEquals(8, Idx.readImages(f).pixel(1, 1, 1));
    }
}
