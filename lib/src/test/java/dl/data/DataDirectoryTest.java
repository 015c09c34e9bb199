package dl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 29: a configured data folder without the data set does not fall back to the repository's copy silently. */
class DataDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void aFallbackFromAConfiguredFolderIsReportedOnceNamingTheFolderTheMissingFileAndTheFolderUsed() {
        String old = System.getProperty(DataDirectory.PROPERTY);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty(DataDirectory.PROPERTY, dir.toString());
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Path used;
        try {
            used = DataDirectory.locate("8×8 digits", "digits", "digits.csv.gz");
            DataDirectory.locate("8×8 digits", "digits", "digits.csv.gz");
        } finally {
            System.setErr(err);
            if (old == null) {
                System.clearProperty(DataDirectory.PROPERTY);
            } else {
                System.setProperty(DataDirectory.PROPERTY, old);
            }
        }
        String note = captured.toString(StandardCharsets.UTF_8);
        assertTrue(used.endsWith(Path.of("data", "digits")), used.toString());
        assertEquals(DataDirectory.fallbackNote("8×8 digits", "-Ddl.data.dir", dir.toAbsolutePath(),
                "digits/digits.csv.gz", used) + System.lineSeparator(), note, "one note for two loads");
        assertTrue(note.contains("-Ddl.data.dir is " + dir.toAbsolutePath() + ", which has no digits/digits.csv.gz"), note);
        assertTrue(note.contains("8×8 digits is loaded from " + used + " instead"), note);
    }
}
