package dl.notebook;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ProgressBarTest {

    @AfterEach
    void detach() {
        Notebook.detach();
    }

    @Test
    void firstUpdateDisplaysLaterUpdatesRedrawTheSameOutput() {
        List<Map<String, Object>> shown = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        Notebook.attach(shown::add, (id, bundle) -> updated.add(id));
        var bar = new ProgressBar("epochs");
        bar.update(0.0, "start");
        bar.update(0.5, "half");
        bar.update(1.0, "done");
        assertEquals(1, shown.size());
        String id = (String) shown.get(0).get(Notebook.DISPLAY_ID);
        assertEquals(List.of(id, id), updated);
    }

    @Test
    void textShowsPercentAndClampsTheFraction() {
        var bar = new ProgressBar("train");
        assertEquals("train [###############               ]  50% loss 0.5", bar.bundle(0.5, "loss 0.5").get("text/plain"));
        assertTrue(((String) bar.bundle(7, "").get("text/plain")).contains("100%"));
        assertTrue(((String) bar.bundle(Double.NaN, "").get("text/plain")).contains("  0%"));
        assertTrue(((String) bar.bundle(0.25, "<b>").get("text/html")).contains("&lt;b&gt;"));
    }

    @Test
    void outsideANotebookUpdatesDoNothing() {
        assertFalse(Notebook.isAttached());
        assertDoesNotThrow(() -> new ProgressBar("x").update(0.3, "quiet"));
        assertThrows(IllegalStateException.class, () -> Notebook.display(Map.of("text/plain", "x")));
    }
}
