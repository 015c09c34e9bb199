package dl.data;

/**
 * A training set (훈련 데이터) and a validation set (검증 데이터) cut from the same data, sharing no
 * samples. Hyper-parameters are chosen by the validation accuracy; the test set stays untouched
 * until the choice is made, so its accuracy is still an honest estimate for new data.
 */
public record ValidationSplit(Dataset train, Dataset validation) {

    public ValidationSplit {
        java.util.Objects.requireNonNull(train, "train");
        java.util.Objects.requireNonNull(validation, "validation");
    }
}
