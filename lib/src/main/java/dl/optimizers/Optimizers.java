package dl.optimizers;

import java.util.List;
import java.util.Locale;

/** Optimizers by name, for loops that compare them: {@code Optimizers.byName("adam", 0.3)}. */
public final class Optimizers {
    /** The names {@link #byName} accepts, in the order of the lectures' genealogy. */
    public static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");

    private Optimizers() {
    }

    /** The named optimizer at learning rate η with every other hyper-parameter at its default. */
    public static Optimizer byName(String name, double learningRate) {
        java.util.Objects.requireNonNull(name, "name");
        switch (name.toLowerCase(Locale.ROOT)) {
            case "sgd":
                return new Sgd(learningRate);
            case "momentum":
                return new Momentum(learningRate);
            case "nesterov":
                return new Nesterov(learningRate);
            case "adagrad":
                return new AdaGrad(learningRate);
            case "rmsprop":
                return new RmsProp(learningRate);
            case "adam":
                return new Adam(learningRate);
            default:
                throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: " + NAMES);
        }
    }
}
