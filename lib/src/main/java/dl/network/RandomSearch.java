package dl.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Random search (무작위 탐색) over hyper-parameters (하이퍼파라미터), as in DLFS's
 * {@code hyperparameter_optimization}: every trial draws each hyper-parameter independently on a
 * log scale,
 *
 * <pre>  value = 10^u,  u ~ U(low, high)  (uniform exponent)</pre>
 *
 * so each decade between 10^low and 10^high is tried equally often. You train one network per
 * setting, {@link #record} its validation and training accuracy, and pick the {@link #best} by
 * validation accuracy.
 *
 * <pre>{@code
 * var search = new RandomSearch(7).logUniform("learning rate", -6, -2).logUniform("weight decay", -8, -4);
 * for (int t = 0; t < 20; t++) {
 *     Map<String, Double> s = search.next();
 *     ... train with s.get("learning rate"), s.get("weight decay") ...
 *     search.record(s, validationAccuracy, trainAccuracy);
 * }
 * search.best();
 * }</pre>
 *
 * The same seed draws the same settings in the same order, however the trials are spread over cells.
 */
public final class RandomSearch {

    /** One finished trial: its number (1, 2, …), the setting it used and the accuracies it reached. */
    public record Trial(int number, Map<String, Double> setting, double validationAccuracy, double trainAccuracy) {
        /** The value of one hyper-parameter in this trial. */
        public double get(String name) {
            Double v = setting.get(Objects.requireNonNull(name, "name"));
            if (v == null) {
                throw new IllegalArgumentException("no hyper-parameter \"" + name + "\"; this trial has " + setting.keySet());
            }
            return v;
        }
    }

    private final Random rng;
    private final Map<String, double[]> exponents = new LinkedHashMap<>();
    private final List<Map<String, Double>> drawn = new ArrayList<>();
    private final List<Trial> trials = new ArrayList<>();

    /** A search whose draws are fixed by {@code seed}. */
    public RandomSearch(long seed) {
        this.rng = new Random(seed);
    }

    /** Adds a hyper-parameter drawn as 10^u with u uniform in [lowExponent, highExponent). */
    public RandomSearch logUniform(String name, double lowExponent, double highExponent) {
        Objects.requireNonNull(name, "name");
        if (!drawn.isEmpty()) {
            throw new IllegalStateException("add every hyper-parameter before the first next()");
        }
        if (exponents.containsKey(name)) {
            throw new IllegalArgumentException("hyper-parameter \"" + name + "\" is already defined");
        }
        if (!Double.isFinite(lowExponent) || !Double.isFinite(highExponent) || !(lowExponent < highExponent)) {
            throw new IllegalArgumentException("the exponent range of \"" + name + "\" must be finite with low < high, got ["
                    + lowExponent + ", " + highExponent + ")");
        }
        // 10^u must be a positive finite double over the whole range: 10^309 is ∞, 10^−324 is 0
        if (!(Math.pow(10, highExponent) < Double.POSITIVE_INFINITY) || !(Math.pow(10, lowExponent) >= Double.MIN_NORMAL)) {
            throw new IllegalArgumentException("the exponent range of \"" + name + "\" is [" + lowExponent + ", " + highExponent
                    + "), but 10^" + (Math.pow(10, highExponent) == Double.POSITIVE_INFINITY ? highExponent + " overflows to ∞"
                    : lowExponent + " underflows to " + Math.pow(10, lowExponent)) + "; exponents must lie in [−307, 308]");
        }
        exponents.put(name, new double[] {lowExponent, highExponent});
        return this;
    }

    /** Draws the next setting: one value 10^u per hyper-parameter, in the order they were added. */
    public Map<String, Double> next() {
        if (exponents.isEmpty()) {
            throw new IllegalStateException("no hyper-parameters to draw: call logUniform(...) first");
        }
        Map<String, Double> setting = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : exponents.entrySet()) {
            double low = e.getValue()[0], high = e.getValue()[1];
            setting.put(e.getKey(), Math.pow(10, low + (high - low) * rng.nextDouble()));
        }
        Map<String, Double> fixed = Collections.unmodifiableMap(setting);
        drawn.add(fixed);
        return fixed;
    }

    /** Records the result of a setting returned by {@link #next}; accuracies must lie in [0, 1]. */
    public Trial record(Map<String, Double> setting, double validationAccuracy, double trainAccuracy) {
        Objects.requireNonNull(setting, "setting");
        if (!drawn.contains(setting)) {
            throw new IllegalArgumentException("setting " + setting + " was not drawn by next()");
        }
        for (Trial t : trials) {
            if (t.setting() == setting) {
                throw new IllegalArgumentException("trial " + t.number() + " already recorded setting " + setting);
            }
        }
        checkAccuracy("validation accuracy", validationAccuracy);
        checkAccuracy("train accuracy", trainAccuracy);
        Trial trial = new Trial(trials.size() + 1, setting, validationAccuracy, trainAccuracy);
        trials.add(trial);
        return trial;
    }

    private static void checkAccuracy(String what, double a) {
        if (!(a >= 0 && a <= 1)) {
            throw new IllegalArgumentException(what + " must lie in [0, 1], got " + a);
        }
    }

    /** The recorded trials, in the order they were recorded. */
    public List<Trial> trials() {
        return Collections.unmodifiableList(trials);
    }

    /** The trial with the highest validation accuracy (the earlier one on a tie). */
    public Trial best() {
        if (trials.isEmpty()) {
            throw new IllegalStateException("no trial recorded yet");
        }
        Trial best = trials.get(0);
        for (Trial t : trials) {
            if (t.validationAccuracy() > best.validationAccuracy()) {
                best = t;
            }
        }
        return best;
    }

    /** One row per trial: trial, each hyper-parameter, validation accuracy, train accuracy. */
    public Table table() {
        Table table = Table.create("random search", IntColumn.create("trial",
                trials.stream().mapToInt(Trial::number).toArray()));
        for (String name : exponents.keySet()) {
            table.addColumns(DoubleColumn.create(name, trials.stream().mapToDouble(t -> t.get(name)).toArray()));
        }
        return table.addColumns(
                DoubleColumn.create("validation accuracy", trials.stream().mapToDouble(Trial::validationAccuracy).toArray()),
                DoubleColumn.create("train accuracy", trials.stream().mapToDouble(Trial::trainAccuracy).toArray()));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RandomSearch(");
        exponents.forEach((name, e) -> sb.append(sb.length() > 13 ? ", " : "").append(name).append(" = 10^U(")
                .append(e[0]).append(", ").append(e[1]).append(")"));
        return sb.append("; ").append(trials.size()).append(" trials)").toString();
    }
}
