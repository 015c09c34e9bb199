package dl.data;

/** A training set (훈련 데이터) and a test set (시험 데이터) that share no samples. */
public record Split(Dataset train, Dataset test) {

    public Split {
        java.util.Objects.requireNonNull(train, "train");
        java.util.Objects.requireNonNull(test, "test");
    }
}
