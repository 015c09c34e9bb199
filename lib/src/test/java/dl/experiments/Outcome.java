package dl.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * What one experiment produced: its headline numbers ({@link Row}s, ours beside the book's), whether the book's finding
 * reproduces ({@link Verdict}, judged by a criterion stated in words), figures (Tablesaw figures or dl.plot charts) and
 * tables for the report, and notes on how our setting differs from the book's.
 */
final class Outcome {

    /** Whether the book's finding reproduces, by the experiment's stated criterion. */
    enum Verdict {
        REPRODUCED("reproduced"), PARTLY("partly reproduced"), NOT_REPRODUCED("not reproduced"),
        NOT_JUDGED("not judged (--quick)"), FAILED("failed");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /**
     * One headline number: the setting it belongs to, what it measures, our value (a number, so that it can be checked
     * and written to JSON) and how it is shown, and the book's value as the book states it.
     */
    record Row(String setting, String quantity, double ours, String oursText, String book) {
        Row {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(oursText, "oursText");
            Objects.requireNonNull(book, "book");
        }
    }

    final String name;
    final String title;
    final String bookSetting;
    final List<Row> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<Object> figures = new ArrayList<>();
    final List<Table> tables = new ArrayList<>();
    Verdict verdict = Verdict.NOT_JUDGED;
    String criterion = "";
    double seconds = Double.NaN;
    String error;

    Outcome(String name, String title, String bookSetting) {
        this.name = Objects.requireNonNull(name, "name");
        this.title = Objects.requireNonNull(title, "title");
        this.bookSetting = Objects.requireNonNull(bookSetting, "bookSetting");
    }

    /** Adds a headline number shown with {@code format} (a String.format pattern for one double). */
    Outcome row(String setting, String quantity, double ours, String format, String book) {
        rows.add(new Row(setting, quantity, ours, String.format(java.util.Locale.ROOT, format, ours), book));
        return this;
    }

    /** Adds a headline number with its own text (e.g. a point "(−0.0346, 0.0461)"). */
    Outcome rowText(String setting, String quantity, double ours, String oursText, String book) {
        rows.add(new Row(setting, quantity, ours, oursText, book));
        return this;
    }

    Outcome note(String text) {
        notes.add(text);
        return this;
    }

    Outcome figure(Object figure) {
        figures.add(Objects.requireNonNull(figure, "figure"));
        return this;
    }

    Outcome table(Table table) {
        tables.add(Objects.requireNonNull(table, "table"));
        return this;
    }

    /** Records the verdict: {@code reproduced} when the criterion holds, else {@code otherwise}. */
    Outcome judge(boolean reproduced, Verdict otherwise, String criterion) {
        this.verdict = reproduced ? Verdict.REPRODUCED : otherwise;
        this.criterion = Objects.requireNonNull(criterion, "criterion");
        return this;
    }

    /** The headline numbers that are not finite (empty when all are). */
    List<Row> nonFinite() {
        return rows.stream().filter(r -> !Double.isFinite(r.ours())).toList();
    }
}
