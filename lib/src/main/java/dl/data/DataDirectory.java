package dl.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the course's {@code data/} folder. Order: the system property {@code dl.data.dir}, then
 * the environment variable {@code DL_DATA_DIR} (either names a folder that contains the data
 * set's sub-folder, e.g. {@code /usr/share/datasets} for Debian's full {@code fashion-mnist/}),
 * then {@code data/} in the working directory and each of its parents. When a configured folder lacks the
 * data set and the repository's copy is used instead, one line on standard error says so (once per folder and
 * data set), naming the folder, the missing file and the folder used.
 */
final class DataDirectory {
    static final String PROPERTY = "dl.data.dir";
    static final String ENV = "DL_DATA_DIR";

    /** The configured folders (and data sets) whose fallback was already reported. */
    private static final java.util.Set<String> NOTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private DataDirectory() {
    }

    /** The note printed when a configured folder lacks the data set and the repository's copy is used. */
    static String fallbackNote(String name, String source, Path configured, String missing, Path used) {
        return "note: " + source + " is " + configured + ", which has no " + missing + "; " + name
                + " is loaded from " + used + " instead";
    }

    /**
     * The folder {@code <data>/<subfolder>} that contains {@code requiredFile}.
     *
     * @param name human-readable data-set name for the error message, e.g. "Fashion-MNIST"
     */
    static Path locate(String name, String subfolder, String requiredFile) {
        String configured = System.getProperty(PROPERTY);
        String source = "-D" + PROPERTY;
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
            source = ENV;
        }
        StringBuilder tried = new StringBuilder();
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath();
            if (!Files.isDirectory(root)) {
                throw new DataFileException(name + " not found: " + source + " is " + configured
                        + ", which is not a directory", root);
            }
            Path dir = root.resolve(subfolder);
            if (Files.isRegularFile(dir.resolve(requiredFile))) {
                return dir;
            }
            tried.append(" and in ").append(root).append(" (from ").append(source).append(')');
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path dir = p.resolve("data").resolve(subfolder);
            if (Files.isRegularFile(dir.resolve(requiredFile))) {
                if (configured != null && !configured.isBlank()
                        && NOTED.add(Path.of(configured).toAbsolutePath() + " " + subfolder)) {
                    System.err.println(fallbackNote(name, source, Path.of(configured).toAbsolutePath(),
                            subfolder + "/" + requiredFile, dir));
                }
                return dir;
            }
        }
        String wanted = "data/" + subfolder + "/" + requiredFile;
        throw new DataFileException(name + " not found: looked for " + wanted + " in " + start
                + " and its parents" + tried + "; run from inside the course repository or set "
                + ENV + " (or -D" + PROPERTY + ") to the folder that contains " + subfolder + "/",
                Path.of(wanted));
    }
}
