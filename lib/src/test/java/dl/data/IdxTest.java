package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    private static Idx.Images sampleImages() {
        byte[] px = new byte[3 * 2 * 4];
        for (int k = 0; k < px.length; k++) {
            px[k] = (byte) (k * 11); // covers values above 127, i.e. negative Java bytes
        }
        px[5] = (byte) 255;
        return new Idx.Images(3, 2, 4, px);
    }

    @Test
    void imagesAndLabelsRoundTripThroughGzipAndPlainFiles() {
        for (String suffix : new String[] {".gz", ""}) {
            Path img = dir.resolve("imgs-idx3-ubyte" + suffix);
            Path lab = dir.resolve("labs-idx1-ubyte" + suffix);
            Idx.Images written = sampleImages();
            Idx.writeImages(img, written);
            Idx.writeLabels(lab, new int[] {7, 0, 255});

            Idx.Images read = Idx.readImages(img);
            assertEquals(3, read.count());
            assertEquals(2, read.rows());
            assertEquals(4, read.cols());
            assertArrayEquals(written.pixels(), read.pixels());
            assertEquals(255, read.pixel(0, 1, 1)); // flat index 5
            assertEquals(11 * 9, read.pixel(1, 0, 1)); // flat index 9
            assertArrayEquals(new int[] {7, 0, 255}, Idx.readLabels(lab));
        }
    }

    @Test
    void gzipFileReallyIsGzipAndPlainFileHasTheIdxLayout() throws IOException {
        Path gz = dir.resolve("a.gz");
        Path plain = dir.resolve("a.idx");
        Idx.writeLabels(gz, new int[] {1, 2});
        Idx.writeLabels(plain, new int[] {1, 2});
        byte[] g = Files.readAllBytes(gz);
        assertEquals(0x1f, g[0] & 0xFF);
        assertEquals(0x8b, g[1] & 0xFF);
        assertArrayEquals(new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 1, 2}, Files.readAllBytes(plain));
    }

    @Test
    void toMatrixScalesEveryPixelInOnePass() {
        DMatrixRMaj x = sampleImages().toMatrix(1.0 / 255.0);
        assertEquals(3, x.numRows);
        assertEquals(8, x.numCols);
        assertEquals(1.0, x.get(0, 5), 0.0);
        assertEquals(0.0, x.get(0, 0), 0.0);
        assertEquals((11 * 9) / 255.0, x.get(1, 1), 1e-15);
    }

    @Test
    void wrongMagicNumberNamesFileAndBothMagics() throws IOException {
        Path lab = dir.resolve("train-labels-idx1-ubyte.gz");
        Idx.writeLabels(lab, new int[] {1});
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(lab));
        assertTrue(e.getMessage().startsWith(lab.toString() + ": expected IDX image file (magic 2051), found 2049"),
                e.getMessage());
        assertEquals(lab, e.file());

        Path junk = dir.resolve("junk.idx");
        Files.write(junk, header(1234, 1));
        e = assertThrows(DataFileException.class, () -> Idx.readLabels(junk));
        assertTrue(e.getMessage().contains("junk.idx: expected IDX label file (magic 2049), found 1234"), e.getMessage());
    }

    @Test
    void truncatedPlainFileReportsExpectedAndFoundLength() throws IOException {
        Path f = dir.resolve("t.idx");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(header(2051, 10000, 28, 28));
        b.write(new byte[4984]);
        Files.write(f, b.toByteArray());
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(f));
        assertTrue(e.getMessage().contains("t.idx: truncated: expected 7840016 bytes, found 5000"), e.getMessage());
    }

    @Test
    void truncatedGzipStreamIsReportedAsTruncated() throws IOException {
        Path full = dir.resolve("full.gz");
        byte[] px = new byte[50 * 28 * 28];
        new java.util.Random(1).nextBytes(px); // incompressible, so cutting the file cuts the data
        Idx.writeImages(full, new Idx.Images(50, 28, 28, px));
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut-idx3-ubyte.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(cut));
        assertTrue(e.getMessage().startsWith(cut + ": truncated: expected 39216 bytes (uncompressed), found "),
                e.getMessage());
    }

    @Test
    void trailingBytesAndTruncatedHeaderAndNonGzipAreErrors() throws IOException {
        Path extra = dir.resolve("extra.idx");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(header(2049, 2));
        b.write(new byte[] {1, 2, 3});
        Files.write(extra, b.toByteArray());
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readLabels(extra));
        assertTrue(e.getMessage().contains("extra.idx: expected 10 bytes as the header says, found 11"), e.getMessage());

        Path shortHeader = dir.resolve("short.idx");
        Files.write(shortHeader, new byte[] {0, 0, 8, 3, 0, 0});
        e = assertThrows(DataFileException.class, () -> Idx.readImages(shortHeader));
        assertTrue(e.getMessage().contains("short.idx: truncated header"), e.getMessage());

        Path notGzip = dir.resolve("plain-but-named.gz");
        Files.write(notGzip, header(2049, 0));
        e = assertThrows(DataFileException.class, () -> Idx.readLabels(notGzip));
        assertTrue(e.getMessage().contains("plain-but-named.gz: expected a gzip-compressed file"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope-idx1-ubyte.gz");
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readLabels(missing));
        assertEquals(missing + ": file not found", e.getMessage());
    }

    @Test
    void labelsOutsideByteRangeCannotBeWritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Idx.writeLabels(dir.resolve("x.gz"), new int[] {3, 256}));
        assertTrue(e.getMessage().contains("label 1 is 256"), e.getMessage());
    }

    static byte[] header(int... ints) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        for (int v : ints) {
            out.writeInt(v);
        }
        return b.toByteArray();
    }
}
