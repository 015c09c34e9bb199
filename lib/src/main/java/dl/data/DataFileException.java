package dl.data;

import java.nio.file.Path;

/**
 * A data file is missing, unreadable or not in the expected format. The message always starts
 * with the file's path and says what was expected and what was found.
 */
public class DataFileException extends RuntimeException {
    private final Path file;

    public DataFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public DataFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** Creates an exception whose message is given in full (used when no single file is at fault). */
    DataFileException(String message, Path file) {
        super(message);
        this.file = file;
    }

    /** The file that was missing or corrupt. */
    public Path file() {
        return file;
    }
}
