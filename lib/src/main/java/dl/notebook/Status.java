package dl.notebook;

/**
 * What a {@link ProgressBar} shows: how much of a long computation is done, and a line of text
 * ({@code toString()}). A trainer's progress report is one ({@code dl.network.Progress}).
 */
public interface Status {
    /** How much is done, 0 … 1. */
    double fractionDone();
}
