package dl.notebook;

import org.unbescape.html.HtmlEscape;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A progress bar for long cells: one output that is redrawn in place.
 *
 * <pre>{@code
 * var bar = new ProgressBar("training");
 * for (int i = 0; i <= n; i++) { ...; bar.update((double) i / n, "loss " + loss); }
 * }</pre>
 * As a listener of anything that reports a {@link Status}, e.g. a trainer:
 * {@code new Trainer(opt).onProgress(ProgressBar.training())}. Outside a
 * notebook it does nothing. The text shows no wall-clock time, so a re-run prints the same output.
 */
public final class ProgressBar implements Consumer<Status> {
    private final String label;
    private String displayId;

    /** A bar with a label shown before the text. */
    public ProgressBar(String label) {
        this.label = java.util.Objects.requireNonNull(label, "label");
    }

    /** A trainer listener that shows epoch, loss and accuracy as the network trains. */
    public static ProgressBar training() {
        return new ProgressBar("training");
    }

    /**
     * Shows (the first time) or redraws the bar.
     *
     * @param fraction how much is done, 0 … 1 (clamped)
     * @param text     what to show beside the bar
     */
    public void update(double fraction, String text) {
        if (!Notebook.isAttached()) {
            return;
        }
        Map<String, Object> bundle = bundle(fraction, text);
        if (displayId == null) {
            displayId = Notebook.display(bundle);
        } else {
            Notebook.update(displayId, bundle);
        }
    }

    @Override
    public void accept(Status progress) {
        update(progress.fractionDone(), progress.toString());
    }

    /** The MIME bundle drawn for a given state (HTML bar plus a plain-text line). */
    public Map<String, Object> bundle(double fraction, String text) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        String percent = String.format(Locale.ROOT, "%3.0f%%", 100 * f);
        String html = "<div style=\"font-family:monospace\"><b>" + HtmlEscape.escapeHtml4Xml(label) + "</b> "
                + "<progress value=\"" + String.format(Locale.ROOT, "%.4f", f) + "\" max=\"1\" style=\"width:30%\">"
                + "</progress> " + percent + " " + HtmlEscape.escapeHtml4Xml(text) + "</div>";
        int filled = (int) Math.round(f * 30);
        String plain = label + " [" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + percent + " " + text;
        return Map.of("text/html", html, "text/plain", plain);
    }

}
