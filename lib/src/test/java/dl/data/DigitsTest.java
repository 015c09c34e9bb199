package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsTest {
    @TempDir
    Path dir;

    @Test
    void shippedDigitsAre1797By64WithLabels0To9() {
        Dataset d = Digits.load();
        assertEquals(Digits.SIZE, d.size());
        assertEquals(64, d.numFeatures());
        // class sizes of scikit-learn's load_digits(), checked with numpy.bincount
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, d.classCounts());
        // the file starts with one sample of each digit 0, 1, …, 9
        for (int i = 0; i < 10; i++) {
            assertEquals(i, d.labels()[i]);
        }
        // first row of the CSV: 0,0,5,13,9,1,0,0,... scaled by 1/16
        assertArrayEquals(new double[] {0, 0, 5 / 16.0, 13 / 16.0, 9 / 16.0, 1 / 16.0, 0, 0},
                java.util.Arrays.copyOf(d.sample(0), 8), 0.0);
        double max = 0;
        for (double v : d.features().data) {
            assertTrue(v >= 0 && v <= 1, "pixel " + v);
            max = Math.max(max, v);
        }
        assertEquals(1.0, max, 0.0);
        assertEquals(d.features().get(5, 8 + 2), d.image(5, Digits.ROWS, Digits.COLS)[1][2], 0.0);
    }

    @Test
    void wrongNumberOfValuesNamesFileAndLine() throws IOException {
        Path f = dir.resolve("digits.csv");
        Files.writeString(f, row(0) + "\n" + "1,2,3,4\n");
        DataFileException e = assertThrows(DataFileException.class, () -> Digits.load(f));
        assertEquals(f + ": line 2: expected 65 comma-separated values (64 pixels and the label), found 4", e.getMessage());
    }

    @Test
    void pixelAndLabelOutOfRangeAndNonNumbersAreReported() throws IOException {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, row(0).replaceFirst("^0,", "17,"));
        DataFileException e = assertThrows(DataFileException.class, () -> Digits.load(f));
        assertTrue(e.getMessage().endsWith("line 1, column 1: expected a pixel value 0..16, found 17"), e.getMessage());

        Files.writeString(f, row(10));
        e = assertThrows(DataFileException.class, () -> Digits.load(f));
        assertTrue(e.getMessage().endsWith("line 1: expected a label 0..9, found 10"), e.getMessage());

        Files.writeString(f, row(3).replaceFirst("^0,", "x,"));
        e = assertThrows(DataFileException.class, () -> Digits.load(f));
        assertTrue(e.getMessage().endsWith("line 1, column 1: expected an integer, found \"x\""), e.getMessage());
    }

    @Test
    void missingAndNonGzipFilesAreNamed() throws IOException {
        Path missing = dir.resolve("digits.csv.gz");
        DataFileException e = assertThrows(DataFileException.class, () -> Digits.load(missing));
        assertTrue(e.getMessage().startsWith(missing + ": file not found"), e.getMessage());

        Files.writeString(missing, row(1));
        e = assertThrows(DataFileException.class, () -> Digits.load(missing));
        assertTrue(e.getMessage().startsWith(missing + ": expected a gzip-compressed file"), e.getMessage());
    }

    @Test
    void readsPlainCsvToo() throws IOException {
        Path f = dir.resolve("two.csv");
        Files.writeString(f, row(3) + "\n" + row(8) + "\n");
        Dataset d = Digits.load(f);
        assertArrayEquals(new int[] {3, 8}, d.labels());
        assertEquals(16 / 16.0, d.features().get(0, 63), 0.0);
    }

    /** A CSV line: 63 zeros, a 16, then the label. */
    private static String row(int label) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < 63; j++) {
            b.append("0,");
        }
        return b.append("16,").append(label).toString();
    }
}
