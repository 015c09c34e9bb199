package dl.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.ejml.data.DMatrixRMaj;

/**
 * Reader and writer for the IDX format of MNIST and Fashion-MNIST. A file is a big-endian
 * header — the magic number {@code 0x0000 08 nd} (unsigned bytes, {@code nd} dimensions), then
 * {@code nd} 32-bit sizes — followed by the unsigned bytes in row-major order:
 * <ul>
 *   <li>image file: magic {@value #IMAGE_MAGIC}, sizes N × rows × cols, N·rows·cols pixel bytes;</li>
 *   <li>label file: magic {@value #LABEL_MAGIC}, size N, N label bytes.</li>
 * </ul>
 * Files whose name ends in {@code .gz} are read and written through gzip. Every error names the file.
 */
public final class Idx {
    /** Magic number of an IDX image file (unsigned bytes, 3 dimensions). */
    public static final int IMAGE_MAGIC = 2051;
    /** Magic number of an IDX label file (unsigned bytes, 1 dimension). */
    public static final int LABEL_MAGIC = 2049;

    private static final int BUFFER = 1 << 16;

    private Idx() {
    }

    /** The images of an IDX image file: {@code count} images of {@code rows × cols} unsigned bytes. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        public Images {
            Objects.requireNonNull(pixels, "pixels");
            if (pixels.length != (long) count * rows * cols) {
                throw new IllegalArgumentException(count + " images of " + rows + "×" + cols + " need "
                        + (long) count * rows * cols + " pixels but " + pixels.length + " were given");
            }
        }

        /** Pixel (r, c) of image i as an integer 0 … 255. */
        public int pixel(int i, int r, int c) {
            return pixels[(i * rows + r) * cols + c] & 0xFF;
        }

        /**
         * The images as a count × (rows·cols) matrix, one flattened image per row, each pixel
         * multiplied by {@code scale} (use 1/255 for values in [0, 1]).
         */
        public DMatrixRMaj toMatrix(double scale) {
            DMatrixRMaj x = new DMatrixRMaj(count, rows * cols);
            double[] lookup = new double[256];
            for (int v = 0; v < 256; v++) {
                lookup[v] = v * scale;
            }
            double[] out = x.data;
            for (int k = 0; k < pixels.length; k++) {
                out[k] = lookup[pixels[k] & 0xFF];
            }
            return x;
        }
    }

    /** Reads an IDX image file (magic {@value #IMAGE_MAGIC}). */
    public static Images readImages(Path file) {
        Objects.requireNonNull(file, "file");
        try (DataInputStream in = open(file)) {
            checkMagic(file, in, IMAGE_MAGIC, "image");
            int n = readSize(file, in, "image count");
            int rows = readSize(file, in, "row count");
            int cols = readSize(file, in, "column count");
            long payload = (long) n * rows * cols;
            if (payload > Integer.MAX_VALUE - 16) {
                throw new DataFileException(file, "header says " + n + " images of " + rows + "×" + cols
                        + ", which is too large to load into one array");
            }
            byte[] pixels = readPayload(file, in, (int) payload, 16);
            return new Images(n, rows, cols, pixels);
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    /** Reads an IDX label file (magic {@value #LABEL_MAGIC}); each label is an integer 0 … 255. */
    public static int[] readLabels(Path file) {
        Objects.requireNonNull(file, "file");
        try (DataInputStream in = open(file)) {
            checkMagic(file, in, LABEL_MAGIC, "label");
            int n = readSize(file, in, "label count");
            byte[] bytes = readPayload(file, in, n, 8);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    /** Writes an IDX image file (gzip-compressed if the name ends in {@code .gz}). */
    public static void writeImages(Path file, Images images) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(images, "images");
        try (DataOutputStream out = create(file)) {
            out.writeInt(IMAGE_MAGIC);
            out.writeInt(images.count());
            out.writeInt(images.rows());
            out.writeInt(images.cols());
            out.write(images.pixels());
        } catch (IOException e) {
            throw new DataFileException(file, "cannot write IDX image file: " + e.getMessage(), e);
        }
    }

    /** Writes an IDX label file (gzip-compressed if the name ends in {@code .gz}); labels must be 0 … 255. */
    public static void writeLabels(Path file, int[] labels) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(labels, "labels");
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + "; IDX labels are bytes 0..255");
            }
            bytes[i] = (byte) labels[i];
        }
        try (DataOutputStream out = create(file)) {
            out.writeInt(LABEL_MAGIC);
            out.writeInt(labels.length);
            out.write(bytes);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot write IDX label file: " + e.getMessage(), e);
        }
    }

    private static boolean gzipped(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, Files.exists(file) ? "is not a regular file" : "file not found");
        }
        InputStream raw = Files.newInputStream(file);
        try {
            InputStream in = gzipped(file) ? new GZIPInputStream(raw, BUFFER) : raw;
            return new DataInputStream(new BufferedInputStream(in, BUFFER));
        } catch (ZipException | EOFException e) {
            raw.close();
            throw new DataFileException(file, "expected a gzip-compressed file (name ends in .gz), but it is not gzip data", e);
        }
    }

    private static DataOutputStream create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream raw = Files.newOutputStream(file);
        OutputStream out = gzipped(file) ? new GZIPOutputStream(raw, BUFFER) : raw;
        return new DataOutputStream(new BufferedOutputStream(out, BUFFER));
    }

    private static void checkMagic(Path file, DataInputStream in, int expected, String kind) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new DataFileException(file, "expected IDX " + kind + " file (magic " + expected
                    + "), but the file is shorter than its 4-byte magic number");
        }
        if (magic != expected) {
            String hint = magic == IMAGE_MAGIC ? " (that is an IDX image file)"
                    : magic == LABEL_MAGIC ? " (that is an IDX label file)" : "";
            throw new DataFileException(file, "expected IDX " + kind + " file (magic " + expected + "), found " + magic + hint);
        }
    }

    private static int readSize(Path file, DataInputStream in, String what) throws IOException {
        int size;
        try {
            size = in.readInt();
        } catch (EOFException e) {
            throw new DataFileException(file, "truncated header: the file ends before the " + what);
        }
        if (size < 0) {
            throw new DataFileException(file, "corrupt header: " + what + " is " + Integer.toUnsignedLong(size));
        }
        return size;
    }

    /**
     * Reads the {@code length} payload bytes the header announced, then insists that the stream ends
     * there. The header is not trusted for the allocation: an uncompressed file shorter than it claims
     * is refused from its size before anything is read, and the buffer grows only as bytes actually
     * arrive (so a corrupt header cannot cost gigabytes). Sizes in messages include the header.
     */
    private static byte[] readPayload(Path file, DataInputStream in, int length, int headerBytes) throws IOException {
        long expected = (long) headerBytes + length;
        if (!gzipped(file)) {
            long size = Files.size(file);
            if (size < expected) {
                throw new DataFileException(file, "truncated: expected " + expected + " bytes, found " + size);
            }
        }
        byte[] into = new byte[Math.min(length, BUFFER)];
        int got = 0;
        try {
            while (got < length) {
                if (got == into.length) {
                    into = Arrays.copyOf(into, (int) Math.min(length, 2L * into.length));
                }
                int r = in.read(into, got, into.length - got);
                if (r < 0) {
                    break;
                }
                got += r;
            }
        } catch (EOFException e) {
            // a gzip stream cut off in the middle: report what could be read
        }
        if (got < length) {
            throw new DataFileException(file, "truncated: expected " + expected + " bytes"
                    + (gzipped(file) ? " (uncompressed)" : "") + ", found " + (headerBytes + got));
        }
        long extra = 0;
        byte[] skip = new byte[BUFFER];
        int r;
        while ((r = in.read(skip)) > 0) {
            extra += r;
        }
        if (extra > 0) {
            throw new DataFileException(file, "expected " + expected + " bytes"
                    + (gzipped(file) ? " (uncompressed)" : "") + " as the header says, found " + (expected + extra));
        }
        return into;
    }

    private static DataFileException ioError(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataFileException(file, "file not found", e);
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            return new DataFileException(file, "corrupt gzip data: " + e.getMessage(), e);
        }
        return new DataFileException(file, "cannot read: " + e.getMessage(), e);
    }
}
