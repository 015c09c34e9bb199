package dl.losses;

import dl.checks.Finite;
import org.ejml.data.DMatrixRMaj;

/** Adapter behind {@link LossLayer#of(Loss)}: encodes labels as targets and delegates to a {@link Loss}. */
final class TargetLoss implements LossLayer {
    private final Loss loss;
    private DMatrixRMaj y;
    private DMatrixRMaj t;
    private boolean inputChecked = true;

    TargetLoss(Loss loss) {
        this.loss = loss;
    }

    @Override
    public double forward(DMatrixRMaj scores, int[] labels) {
        java.util.Objects.requireNonNull(scores, "scores");
        java.util.Objects.requireNonNull(labels, "labels");
        LossLayer.requireNonEmpty(this, scores);
        if (inputChecked) {
            Finite.require(scores, this + ": scores");
        }
        y = scores;
        if (scores.numCols == 1) {
            if (labels.length != scores.numRows) {
                throw new IllegalArgumentException("prediction is " + scores.numRows + "×1 but there are "
                        + labels.length + " labels");
            }
            t = new DMatrixRMaj(labels.length, 1);
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || labels[i] > 1) {
                    throw new IllegalArgumentException("a single output needs labels 0 or 1, but label " + i + " is " + labels[i]);
                }
                t.data[i] = labels[i];
            }
        } else {
            Loss.requireLabels(scores, labels);
            t = Loss.oneHot(labels, scores.numCols);
        }
        return inputChecked ? loss.value(scores, t) : loss.uncheckedValue(scores, t);
    }

    @Override
    public void setInputChecked(boolean checked) {
        this.inputChecked = checked;
    }

    @Override
    public DMatrixRMaj backward() {
        LossLayer.checkForwarded(this, y != null);
        return inputChecked ? loss.gradient(y, t) : loss.uncheckedGradient(y, t);
    }

    @Override
    public int[] predictClasses(DMatrixRMaj scores) {
        java.util.Objects.requireNonNull(scores, "scores");
        if (scores.numCols > 1) {
            return LossLayer.super.predictClasses(scores);
        }
        double threshold = loss instanceof BinaryCrossEntropy b && b.isFromLogits() ? 0 : 0.5;
        int[] classes = new int[scores.numRows];
        for (int i = 0; i < classes.length; i++) {
            if (Double.isNaN(scores.data[i])) {
                throw new IllegalArgumentException("the score of row " + i + " is NaN; it predicts no class");
            }
            classes[i] = scores.data[i] > threshold ? 1 : 0;
        }
        return classes;
    }

    @Override
    public String toString() {
        return loss.toString();
    }
}
