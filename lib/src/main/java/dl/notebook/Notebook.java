package dl.notebook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The link between the library and the notebook page it runs in.
 *
 * <p>The course's Java kernel attaches itself at start-up (see {@code lib/kernel/startup.jsh}),
 * so library code can show rich output — a plot, a progress bar — as a bundle of MIME types
 * ({@code "text/html" → "<b>…</b>"}). Outside a notebook (a unit test, a program run from an IDE)
 * nothing is attached and {@link #isAttached()} is false.
 */
public final class Notebook {
    /** The key under which {@link #display} passes the display id to the kernel (not a MIME type). */
    public static final String DISPLAY_ID = "dl/display-id";

    private static volatile Consumer<Map<String, Object>> displayFn;
    private static volatile BiConsumer<String, Map<String, Object>> updateFn;

    private Notebook() {
    }

    /** Called once by the kernel's start-up script: how to send and to update a display bundle. */
    public static void attach(Consumer<Map<String, Object>> display, BiConsumer<String, Map<String, Object>> update) {
        displayFn = display;
        updateFn = update;
    }

    /** Forgets the attached notebook (tests use this). */
    public static void detach() {
        displayFn = null;
        updateFn = null;
    }

    /** True inside the course's Java kernel. */
    public static boolean isAttached() {
        return displayFn != null;
    }

    /**
     * Shows a bundle of MIME types as a new output of the running cell.
     *
     * @return the display id, to {@link #update} this output in place later
     * @throws IllegalStateException outside the course's Java kernel
     */
    public static String display(Map<String, Object> bundle) {
        Consumer<Map<String, Object>> fn = displayFn;
        if (fn == null) {
            throw new IllegalStateException("no notebook is attached: rich output needs the course's Java kernel "
                    + "(start it with ./course lab); outside a notebook, save figures with Plots.save(figure, path)");
        }
        String id = "dl-" + UUID.randomUUID();
        Map<String, Object> withId = new LinkedHashMap<>(bundle);
        withId.put(DISPLAY_ID, id);
        fn.accept(withId);
        return id;
    }

    /** Replaces the content of an earlier {@link #display} output (used for progress bars). */
    public static void update(String displayId, Map<String, Object> bundle) {
        BiConsumer<String, Map<String, Object>> fn = updateFn;
        if (fn == null) {
            throw new IllegalStateException("no notebook is attached: cannot update display " + displayId);
        }
        fn.accept(displayId, bundle);
    }
}
