package dl.data;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.ejml.data.DMatrixRMaj;

/**
 * The 8×8 hand-written digits shipped with scikit-learn (BSD-3; from the UCI "Optical
 * Recognition of Handwritten Digits" test set): 1797 images, 64 pixels each with integer values
 * 0 … 16, labels 0 … 9. Pixels are scaled to [0, 1] (x / 16). The file is CSV (gzip), one image
 * per line: 64 pixel values, then the label.
 */
public final class Digits {
    /** Image height and width in pixels. */
    public static final int ROWS = 8, COLS = 8;
    /** Number of samples in the shipped file. */
    public static final int SIZE = 1797;
    public static final String FILE = "digits.csv.gz";

    private static final int FEATURES = ROWS * COLS;
    private static final int MAX_PIXEL = 16;

    private Digits() {
    }

    /** Loads {@code data/digits/digits.csv.gz} from the repository (or {@code $DL_DATA_DIR/digits}). */
    public static Dataset load() {
        return load(DataDirectory.locate("8×8 digits", "digits", FILE).resolve(FILE));
    }

    /** Loads a digits CSV file (gzip-compressed if the name ends in {@code .gz}). */
    public static Dataset load(Path file) {
        java.util.Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "file not found (expected the 8×8 digits CSV: " + (FEATURES + 1)
                    + " values per line)");
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader reader = open(file)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(",");
                if (parts.length != FEATURES + 1) {
                    throw new DataFileException(file, "line " + lineNo + ": expected " + (FEATURES + 1)
                            + " comma-separated values (" + FEATURES + " pixels and the label), found " + parts.length);
                }
                double[] row = new double[FEATURES];
                for (int j = 0; j < FEATURES; j++) {
                    int v = parseInt(file, lineNo, j + 1, parts[j]);
                    if (v < 0 || v > MAX_PIXEL) {
                        throw new DataFileException(file, "line " + lineNo + ", column " + (j + 1)
                                + ": expected a pixel value 0.." + MAX_PIXEL + ", found " + v);
                    }
                    row[j] = v / (double) MAX_PIXEL;
                }
                int label = parseInt(file, lineNo, FEATURES + 1, parts[FEATURES]);
                if (label < 0 || label > 9) {
                    throw new DataFileException(file, "line " + lineNo + ": expected a label 0..9, found " + label);
                }
                rows.add(row);
                labels.add(label);
            }
        } catch (ZipException | EOFException e) {
            throw new DataFileException(file, "corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new DataFileException(file, "expected " + (FEATURES + 1) + " values per line, but the file has no data");
        }
        DMatrixRMaj x = new DMatrixRMaj(rows.size(), FEATURES);
        int[] y = new int[rows.size()];
        for (int i = 0; i < y.length; i++) {
            System.arraycopy(rows.get(i), 0, x.data, i * FEATURES, FEATURES);
            y[i] = labels.get(i);
        }
        return new Dataset(x, y);
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                in = new GZIPInputStream(in, 1 << 16);
            } catch (ZipException | EOFException e) {
                in.close();
                throw new DataFileException(file, "expected a gzip-compressed file (name ends in .gz), but it is not gzip data", e);
            }
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    }

    private static int parseInt(Path file, int lineNo, int column, String text) {
        String s = text.trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            // the scikit-learn file writes integers, but tolerate "3.0"
            try {
                double d = Double.parseDouble(s);
                if (d == Math.rint(d)) {
                    return (int) d;
                }
            } catch (NumberFormatException ignored) {
                // fall through
            }
            throw new DataFileException(file, "line " + lineNo + ", column " + column + ": expected an integer, found \""
                    + text + "\"");
        }
    }
}
