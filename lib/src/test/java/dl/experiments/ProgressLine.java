package dl.experiments;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress display on stderr: one line per experiment with a bar, the percentage done, the time so far and the
 * estimated time left (from the fraction done so far). On a terminal the line is redrawn in place (also once a second,
 * so the clock moves while a long epoch runs); in a log file a line is written at most every {@link #LOG_EVERY_MS} and
 * when the experiment ends, so a log shows progress without a line per epoch.
 */
final class ProgressLine {
    static final int BAR = 24;
    static final long LOG_EVERY_MS = 30_000;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final int total;
    private String label = "";
    private int index;
    private long start;
    private double fraction;
    private long lastLog;
    private Thread ticker;

    ProgressLine(PrintStream out, boolean terminal, int total, LongSupplier clockMillis) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.clock = clockMillis;
    }

    /** "1:05", "12:00", "1:02:03": a duration in whole seconds. */
    static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Seconds left if the rest goes at the pace so far; NaN before anything is done. */
    static double eta(double fraction, double elapsedSeconds) {
        if (!(fraction > 0)) {
            return Double.NaN;
        }
        return Math.max(0, elapsedSeconds / Math.min(1, fraction) - elapsedSeconds);
    }

    /** The line for experiment {@code index} of {@code total}: "[ 3/14] name  [#####-----]  50 %  0:42, ETA 0:42". */
    static String line(int index, int total, String label, double fraction, double elapsedSeconds) {
        double f = Math.max(0, Math.min(1, Double.isFinite(fraction) ? fraction : 0));
        int filled = (int) Math.floor(f * BAR);
        String width = Integer.toString(Integer.toString(total).length());
        return String.format(Locale.ROOT, "[%" + width + "d/%d] %-32s [%s%s] %3d %%  %s elapsed, ETA %s", index, total,
                label, "#".repeat(filled), "-".repeat(BAR - filled), (int) Math.floor(100 * f), clock(elapsedSeconds),
                clock(eta(f, elapsedSeconds)));
    }

    /** Starts the line of the next experiment. */
    synchronized void begin(int index, String label) {
        this.index = index;
        this.label = label;
        this.start = clock.getAsLong();
        this.fraction = 0;
        this.lastLog = start;
        if (terminal) {
            draw();
            ticker = new Thread(this::tick, "progress");
            ticker.setDaemon(true);
            ticker.start();
        } else {
            out.println(line(index, total, label, 0, 0));
        }
    }

    /** The fraction of the current experiment done, 0 … 1. */
    synchronized void update(double fraction) {
        this.fraction = Math.max(this.fraction, Math.min(1, fraction));
        long now = clock.getAsLong();
        if (terminal) {
            draw();
        } else if (now - lastLog >= LOG_EVERY_MS) {
            lastLog = now;
            out.println(line(index, total, label, this.fraction, (now - start) / 1000.0));
        }
    }

    /** Ends the current experiment's line with its time and verdict. */
    synchronized void end(String verdict) {
        if (ticker != null) {
            ticker.interrupt();
            ticker = null;
        }
        double seconds = (clock.getAsLong() - start) / 1000.0;
        String done = String.format(Locale.ROOT, "[%" + Integer.toString(total).length() + "d/%d] %-32s [%s] done in %s: %s",
                index, total, label, "#".repeat(BAR), clock(seconds), verdict);
        out.print(terminal ? "\r\033[K" + done + "\n" : done + "\n");
        out.flush();
    }

    private void draw() {
        out.print("\r\033[K" + line(index, total, label, fraction, (clock.getAsLong() - start) / 1000.0));
        out.flush();
    }

    private void tick() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (ticker == Thread.currentThread()) {
                    draw();
                }
            }
        }
    }
}
