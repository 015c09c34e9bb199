package dl.losses;

import dl.layers.Layer;
import org.ejml.data.DMatrixRMaj;

/**
 * A loss function (손실 함수) L(y, t) comparing a prediction y with a target t, both N × K (one sample
 * per row), averaged over the batch so that its size does not change the scale of the gradient.
 */
public interface Loss {

    /** L(y, t). */
    double value(DMatrixRMaj y, DMatrixRMaj t);

    /** ∂L/∂y, a new N × K matrix. */
    DMatrixRMaj gradient(DMatrixRMaj y, DMatrixRMaj t);

    /** The one-hot encoding (원-핫 인코딩) of class labels: row i has a 1 in column labels[i], zeros elsewhere. */
    static DMatrixRMaj oneHot(int[] labels, int numClasses) {
        DMatrixRMaj t = new DMatrixRMaj(labels.length, numClasses);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", outside 0.." + (numClasses - 1));
            }
            t.data[i * numClasses + labels[i]] = 1;
        }
        return t;
    }

    /** Throws an IllegalArgumentException naming both shapes unless y and t have the same shape. */
    static void requireSameShape(DMatrixRMaj y, DMatrixRMaj t) {
        if (y.numRows != t.numRows || y.numCols != t.numCols) {
            throw new IllegalArgumentException("prediction y is " + Layer.shape(y) + " but target t is " + Layer.shape(t));
        }
    }

    /** Throws an IllegalArgumentException unless there is one label per row of y, each in 0..K−1. */
    static void requireLabels(DMatrixRMaj y, int[] labels) {
        if (labels.length != y.numRows) {
            throw new IllegalArgumentException("prediction is " + Layer.shape(y) + " but there are " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= y.numCols) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + " but the prediction has only "
                        + y.numCols + " classes (" + Layer.shape(y) + ")");
            }
        }
    }
}
