package dl.data;

import java.nio.file.Path;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

/**
 * Fashion-MNIST (Zalando Research, MIT licence): 28×28 grey-scale images of clothing in 10
 * classes, stored as IDX gzip files. Pixels are scaled to [0, 1] (x / 255); each image is one
 * row of 784 features, row-major. The repository ships a balanced seeded subset in
 * {@code data/fashion-mnist/} (see {@code data/README.md}); the full 60 000 + 10 000 files from
 * Debian's {@code dataset-fashion-mnist} load the same way.
 */
public final class FashionMnist {
    /** Image height and width in pixels. */
    public static final int ROWS = 28, COLS = 28;
    /** Class names, indexed by label 0 … 9. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    private FashionMnist() {
    }

    /**
     * Loads the four IDX files from the repository's {@code data/fashion-mnist} (found by walking
     * up from the working directory), or from {@code $DL_DATA_DIR/fashion-mnist} if that is set.
     */
    public static Split loadDefault() {
        return load(DataDirectory.locate("Fashion-MNIST", "fashion-mnist", TRAIN_IMAGES));
    }

    /** Loads {@code train-*} and {@code t10k-*} IDX gzip files from {@code dir}. */
    public static Split load(Path dir) {
        java.util.Objects.requireNonNull(dir, "dir");
        Dataset train = load(dir.resolve(TRAIN_IMAGES), dir.resolve(TRAIN_LABELS));
        Dataset test = load(dir.resolve(TEST_IMAGES), dir.resolve(TEST_LABELS));
        return new Split(train, test);
    }

    /** Loads one image file and its label file, checking that they match (28×28 images, labels 0 … 9). */
    public static Dataset load(Path imageFile, Path labelFile) {
        java.util.Objects.requireNonNull(imageFile, "imageFile");
        java.util.Objects.requireNonNull(labelFile, "labelFile");
        Idx.Images images = Idx.readImages(imageFile);
        if (images.rows() != ROWS || images.cols() != COLS) {
            throw new DataFileException(imageFile, "expected " + ROWS + "×" + COLS + " Fashion-MNIST images, found "
                    + images.rows() + "×" + images.cols());
        }
        int[] labels = Idx.readLabels(labelFile);
        if (labels.length != images.count()) {
            throw new DataFileException(labelFile, "has " + labels.length + " labels but " + imageFile + " has "
                    + images.count() + " images");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= CLASS_NAMES.size()) {
                throw new DataFileException(labelFile, "label " + i + " is " + labels[i] + "; expected 0.."
                        + (CLASS_NAMES.size() - 1));
            }
        }
        DMatrixRMaj x = images.toMatrix(1.0 / 255.0);
        return new Dataset(x, labels);
    }

    /** The name of class {@code label}, e.g. 0 → "T-shirt/top". */
    public static String className(int label) {
        if (label < 0 || label >= CLASS_NAMES.size()) {
            throw new IllegalArgumentException("Fashion-MNIST labels are 0..9, got " + label);
        }
        return CLASS_NAMES.get(label);
    }
}
