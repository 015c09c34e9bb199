package dl;

import dl.activations.Activation;
import dl.calculus.Differentiable;
import dl.calculus.ScalarFunction;
import dl.data.Dataset;
import dl.calculus.Examples;
import dl.init.Init;
import dl.layers.Dense;
import dl.layers.Layer;
import dl.losses.Loss;
import dl.losses.LossLayer;
import dl.losses.MeanSquaredError;
import dl.losses.SoftmaxCrossEntropy;
import dl.network.Mlp;
import dl.network.Sampling;
import dl.network.Sequential;
import dl.network.WeightDecay;
import dl.optimizers.NesterovLookahead;
import dl.optimizers.Optimizer;
import dl.optimizers.Sgd;
import dl.minibatch.LeastSquares;
import dl.surfaces.Surface;
import java.lang.reflect.*;
import java.nio.file.*;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every public method and constructor of the course packages, given null for one reference argument
 * (and ordinary values for the others), must fail with a message naming that argument
 * ({@code Objects.requireNonNull(x, "x")}) or handle the null, never with the JVM's bare
 * NullPointerException ("Cannot invoke … because "x" is null") from deep inside (issue 15).
 * Methods whose receiver or arguments the table of samples below cannot build are skipped.
 */
class NullArgumentsTest {
    /** The per-element loops behind ActivationLayer (which checks its arguments); not a student-facing entry. */
    private static final Set<String> EXEMPT = Set.of("Activation.apply", "Activation.backward");

    static Object sample(Class<?> t) {
        if (t == double.class) return 0.5;
        if (t == int.class) return 2;
        if (t == long.class) return 1L;
        if (t == boolean.class) return false;
        if (t == double[].class) return new double[] {0.5, 0.25};
        if (t == int[].class) return new int[] {0, 1};
        if (t == double[][].class) return new double[][] {{1, 0}, {0, 1}, {1, 1}};
        if (t == DMatrixRMaj.class) return new DMatrixRMaj(new double[][] {{0.5, 0.5}, {0.25, 0.75}});
        if (t == Dataset.class) return new Dataset(new DMatrixRMaj(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), new int[] {0, 1, 1, 0});
        if (t == Sequential.class) return Mlp.of(2, 3, 2).build();
        if (t == Layer.class || t == Dense.class) return new Dense(2, 2, Init.he(), 1);
        if (t == Activation.class) return Activation.relu();
        if (t == Init.class) return Init.he();
        if (t == Optimizer.class || t == Sgd.class) return new Sgd(0.1);
        if (t == NesterovLookahead.class) return new NesterovLookahead(0.1);
        if (t == ScalarFunction.class) return new dl.surfaces.Saddle();
        if (t == Surface.class) return new dl.surfaces.Saddle();
        if (t == Differentiable.class) return Examples.QUADRATIC;
        if (t == DoubleUnaryOperator.class) return (DoubleUnaryOperator) x -> x * x;
        if (t == Random.class) return new Random(1);
        if (t == String.class) return "sgd";
        if (t == Path.class) return Paths.get("/tmp/no-such-file");
        if (t == LossLayer.class) return new SoftmaxCrossEntropy();
        if (t == Loss.class) return new MeanSquaredError();
        if (t == WeightDecay.class) return WeightDecay.none();
        if (t == Sampling.class) return Sampling.SHUFFLED_EPOCHS;
        if (t == Consumer.class) return (Consumer<Object>) p -> { };
        if (t == dl.minibatch.BatchObjective.class || t == LeastSquares.class) return LeastSquares.synthetic(10, new double[] {1, 2}, 0.1, 1);
        if (t == dl.calculus.Function2D.class) return Examples.SUM_OF_SQUARES;
        if (t == dl.descent.GradientDescent.class) return new dl.descent.GradientDescent(0.1, 5);
        if (t == dl.data.Standardizer.class) return dl.data.Standardizer.fit((Dataset) sample(Dataset.class));
        if (t == dl.data.MinMaxScaler.class) return dl.data.MinMaxScaler.fit((Dataset) sample(Dataset.class));
        if (t == dl.network.Trainer.class) return new dl.network.Trainer(new Sgd(0.1)).epochs(1);
        if (t == Mlp.class) return Mlp.of(2, 2);
        if (t == dl.layers.BatchNorm.class) return new dl.layers.BatchNorm(2);
        if (t == dl.layers.Dropout.class) return new dl.layers.Dropout(0.5, 1);
        if (t == dl.layers.PRelu.class) return new dl.layers.PRelu(2);
        if (t == dl.layers.ActivationLayer.class) return new dl.layers.ActivationLayer(Activation.relu());
        if (t == dl.surfaces.PlotRange.class) return new dl.surfaces.PlotRange(-1, 1, -1, 1);
        if (t == dl.network.GradientCheck.Result.class) return dl.network.GradientCheck.check((Sequential) sample(Sequential.class), (Dataset) sample(Dataset.class));
        if (t == dl.losses.BinaryCrossEntropy.class) return new dl.losses.BinaryCrossEntropy();
        if (t == dl.losses.CategoricalCrossEntropy.class) return new dl.losses.CategoricalCrossEntropy();
        if (t == dl.losses.SparseCategoricalCrossEntropy.class) return new dl.losses.SparseCategoricalCrossEntropy();
        if (t == dl.losses.MeanAbsoluteError.class) return new dl.losses.MeanAbsoluteError();
        if (t == MeanSquaredError.class) return new MeanSquaredError();
        if (t == SoftmaxCrossEntropy.class) return new SoftmaxCrossEntropy();
        if (t == dl.optimizers.Adam.class) return new dl.optimizers.Adam(0.1);
        if (t == dl.optimizers.Momentum.class) return new dl.optimizers.Momentum(0.1);
        if (t == dl.optimizers.Nesterov.class) return new dl.optimizers.Nesterov(0.1);
        if (t == dl.optimizers.AdaGrad.class) return new dl.optimizers.AdaGrad(0.1);
        if (t == dl.optimizers.RmsProp.class) return new dl.optimizers.RmsProp(0.1);
        if (t == dl.minibatch.NoisyGradient.class) return new dl.minibatch.NoisyGradient(new dl.surfaces.Saddle(), 0.1, 1);
        if (t == dl.network.History.class) return new dl.network.Trainer(new Sgd(0.1)).epochs(1).fit((Sequential) sample(Sequential.class), (Dataset) sample(Dataset.class));
        if (t == dl.calculus.StepSizeStudy.class) return dl.calculus.StepSizeStudy.of(x -> x * x, 1, 2);
        if (t == dl.calculus.TangentLine.class) return dl.calculus.TangentLine.of(Examples.QUADRATIC, 1);
        if (t == dl.calculus.TangentPlane.class) return dl.calculus.TangentPlane.of(new dl.surfaces.Saddle(), 1, 1);
        if (t == dl.descent.Path.class) return dl.descent.GradientDescent.minimize(new dl.surfaces.Saddle(), new double[] {1, 1}, 0.1, 3);
        if (t == dl.descent.Divergence.class) return new dl.descent.Divergence(1, "x", Double.NaN, "");
        if (t == dl.init.Init.class) return Init.he();
        if (t == dl.minibatch.BatchSampler.class) return new dl.minibatch.BatchSampler(4, 2, 1);
        return null;
    }

    @Test
    void nullArgumentsAreNamedAcrossThePublicApi() throws Exception {
        List<String> pkgs = List.of("calculus", "descent", "optimizers", "surfaces", "minibatch", "activations",
                "losses", "layers", "init", "network", "data", "dimensionality", "notebook",
                "perceptron", "approximation", "reinforcement");
        Path root = Paths.get(Sequential.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("dl");
        int probed = 0;
        List<String> report = new ArrayList<>();
        for (String pkg : pkgs) {
            List<Path> files;
            try (Stream<Path> s = Files.list(root.resolve(pkg))) {
                files = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
            }
            for (Path f : files) {
                String cn = "dl." + pkg + "." + f.getFileName().toString().replace(".class", "").replace('/', '.');
                Class<?> c = Class.forName(cn.replace("$", "$"));
                if (!Modifier.isPublic(c.getModifiers())) continue;
                List<Executable> ex = new ArrayList<>();
                for (Method m : c.getDeclaredMethods()) if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) ex.add(m);
                if (!Modifier.isAbstract(c.getModifiers())) for (Constructor<?> k : c.getDeclaredConstructors()) if (Modifier.isPublic(k.getModifiers())) ex.add(k);
                for (Executable e : ex) {
                    Class<?>[] pt = e.getParameterTypes();
                    for (int i = 0; i < pt.length; i++) {
                        if (pt[i].isPrimitive()) continue;
                        Object[] args = new Object[pt.length];
                        boolean ok = true;
                        for (int j = 0; j < pt.length; j++) {
                            if (j == i) continue;
                            args[j] = sample(pt[j]);
                            if (args[j] == null) ok = false;
                        }
                                        Object recv = null;
                        if (e instanceof Method m && !Modifier.isStatic(m.getModifiers())) {
                            recv = sample(c);
                            if (recv == null) ok = false;
                        }
                        if (!ok) continue;
                        if (EXEMPT.contains(c.getSimpleName() + "." + e.getName())) continue;
                        probed++;
                        String what = c.getSimpleName() + "." + (e instanceof Constructor ? "<init>" : e.getName()) + Arrays.toString(Arrays.stream(pt).map(Class::getSimpleName).toArray()) + " arg " + i;
                        try {
                            if (e instanceof Method m) m.invoke(recv, args); else ((Constructor<?>) e).newInstance(args);
                            // accepted: a documented optional argument (a test set, an equals) or stored as given
                        } catch (InvocationTargetException ite) {
                            Throwable t = ite.getCause();
                            String msg = String.valueOf(t.getMessage());
                            boolean bare = t instanceof NullPointerException && (t.getMessage() == null || msg.contains("because"));
                            if (bare) {
                                report.add(what + " -> " + msg);
                            }
                        } catch (IllegalAccessException | InstantiationException | IllegalArgumentException t) {
                            // not callable reflectively with these samples
                        }
                    }
                }
            }
        }
        assertTrue(probed > 150, "only " + probed + " calls probed");
        assertTrue(report.isEmpty(), report.size() + " bare NullPointerExceptions:\n" + String.join("\n", report));
    }
}
