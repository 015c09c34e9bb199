package dl.network;

import dl.calculus.StepSizeStudy;
import dl.data.Dataset;
import dl.descent.GradientDescent;
import dl.descent.LearningRateSweep;
import dl.descent.Path;
import dl.calculus.Examples;
import dl.plot.Bins;
import dl.optimizers.Sgd;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every result type's table(): its columns, its row count and its values against the result object. */
class ResultTablesTest {

    @Test
    void path1dTable() {
        Path p = GradientDescent.minimize(Examples.QUADRATIC, 4.0, 0.2, 10);
        Table t = p.table();
        assertEquals(List.of("k", "x_k", "f(x_k)", "f'(x_k)"), t.columnNames());
        assertEquals(p.steps() + 1, t.rowCount());
        for (int k = 0; k <= p.steps(); k++) {
            assertEquals(k, t.intColumn("k").get(k));
            assertEquals(p.point(k)[0], t.doubleColumn("x_k").get(k));
            assertEquals(p.value(k), t.doubleColumn("f(x_k)").get(k));
            assertEquals(p.gradient(k)[0], t.doubleColumn("f'(x_k)").get(k));
        }
        assertTrue(t.name().contains("0.2"));
        assertTrue(p.report().contains("x = 4.0"), "the plain-text report is still there");
    }

    @Test
    void pathNdTable() {
        Path p = GradientDescent.minimize(new dl.surfaces.ElongatedBowl(1.0 / 3, 1, 2, 2), new double[]{-0.5, 4.5}, 0.1, 15);
        Table t = p.table();
        assertEquals(List.of("k", "x", "y", "f", "df/dx", "df/dy", "|grad f|"), t.columnNames());
        assertEquals(16, t.rowCount());
        assertEquals(p.point(7)[1], t.doubleColumn("y").get(7));
        assertEquals(p.value(15), t.doubleColumn("f").get(15));
        assertEquals(p.gradient(3)[0], t.doubleColumn("df/dx").get(3));
        assertEquals(p.gradientNorms()[3], t.doubleColumn("|grad f|").get(3));
    }

    @Test
    void trajectoryTableAndComparison() {
        Path a = GradientDescent.run(new Sgd(0.1), Examples.SUM_OF_SQUARES, new double[]{-3, 4}, 20);
        Path b = GradientDescent.run(new Sgd(1.5), Examples.SUM_OF_SQUARES, new double[]{-3, 4}, 20);
        Table t = a.table();
        assertEquals(List.of("k", "x", "y", "f", "df/dx", "df/dy", "|grad f|"), t.columnNames());
        assertEquals("SGD(lr=0.1)", t.name());
        assertEquals(21, t.rowCount());
        assertEquals(a.point(20)[0], t.doubleColumn("x").get(20));
        assertEquals(a.values()[5], t.doubleColumn("f").get(5));
        Map<String, Path> runs = new LinkedHashMap<>();
        runs.put("η = 0.1", a);
        runs.put("η = 1.5", b);
        Table c = Path.compare(runs);
        assertEquals(List.of("run", "steps", "last x", "last y", "final f", "diverged at"), c.columnNames());
        assertEquals(2, c.rowCount());
        assertEquals("η = 1.5", c.stringColumn("run").get(1));
        assertEquals(b.last()[1], c.doubleColumn("last y").get(1));
        assertEquals(a.values()[20], c.doubleColumn("final f").get(0));
        assertTrue(b.diverged());
        assertEquals(b.stopStep(), c.intColumn("diverged at").get(1));
        assertEquals(-1, c.intColumn("diverged at").get(0));
        assertThrows(IllegalArgumentException.class, () -> Path.compare(Map.of()));
    }

    @Test
    void sweepTable() {
        LearningRateSweep s = LearningRateSweep.run("sgd", Examples.SUM_OF_SQUARES, new double[]{-3, 4}, 50,
                0.01, 0.1, 0.5, 1e3);
        Table t = s.table();
        assertEquals(List.of("optimizer", "learning rate", "final f", "diverged at"), t.columnNames());
        assertEquals(4, t.rowCount());
        for (int i = 0; i < 4; i++) {
            assertEquals(s.learningRates()[i], t.doubleColumn("learning rate").get(i));
            assertEquals(s.divergedAt()[i], t.intColumn("diverged at").get(i));
            double f = s.finalValues()[i];
            double g = t.doubleColumn("final f").getDouble(i);
            assertTrue(Double.isNaN(f) ? Double.isNaN(g) : f == g);
        }
        assertEquals("sgd", t.stringColumn("optimizer").get(0));
    }

    @Test
    void stepSizeStudyTable() {
        StepSizeStudy s = StepSizeStudy.of(Examples.CUBIC::value, 1.0, 7.0);
        Table t = s.table();
        assertEquals(List.of("h", "forward error", "central error"), t.columnNames());
        assertEquals(s.hs().length, t.rowCount());
        assertEquals(s.forwardErrors()[3], t.doubleColumn("forward error").get(3));
        assertEquals(s.centralErrors()[10], t.doubleColumn("central error").get(10));
    }

    @Test
    void gradientCheckTable() {
        Dataset batch = NetworkTest.randomData(6, 4, 3, 1);
        GradientCheck.Result r = GradientCheck.check(Mlp.of(4, 5, 3).seed(2).build(), batch);
        Table t = r.table();
        assertEquals(List.of("param", "shape", "relative error", "mean |diff|", "max |grad|"), t.columnNames());
        assertEquals(r.rows().size(), t.rowCount());
        for (int i = 0; i < r.rows().size(); i++) {
            assertEquals(r.rows().get(i).name(), t.stringColumn("param").get(i));
            assertEquals(r.rows().get(i).relativeError(), t.doubleColumn("relative error").get(i));
        }
    }

    @Test
    void historyTables() {
        Dataset train = NetworkTest.blobs(200, 3);
        History h = new Trainer(new Sgd(0.1)).batchSize(64).epochs(3).fit(Mlp.of(2, 4, 2).build(), train);
        Table t = h.table();
        assertEquals(List.of("epoch", "iteration", "train loss", "train accuracy", "test loss", "test accuracy"),
                t.columnNames());
        assertEquals(4, t.rowCount());
        assertEquals(h.iterations()[2], t.intColumn("iteration").get(2));
        assertEquals(h.trainLoss()[3], t.doubleColumn("train loss").get(3));
        assertTrue(Double.isNaN(t.doubleColumn("test accuracy").getDouble(0)), "no test set → NaN (Tablesaw: missing)");
        Table it = h.iterationTable();
        assertEquals(h.iterationLoss().length, it.rowCount());
        assertEquals(h.iterationLoss()[11], it.doubleColumn("loss").get(11));
        assertEquals(12, it.intColumn("iteration").get(11));
    }

    @Test
    void confusionMatrixTable() {
        int[] labels = {0, 0, 1, 1, 2, 2, 2};
        int[] predicted = {0, 1, 1, 1, 2, 0, 2};
        ConfusionMatrix m = ConfusionMatrix.of(labels, predicted, 3);
        Table t = m.table(List.of("cat", "dog", "bird"), List.of("c", "d", "b"));
        assertEquals(List.of("true \\ predicted", "c", "d", "b"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals("dog", t.stringColumn(0).get(1));
        assertEquals(1, t.intColumn("d").get(0));
        assertEquals(2, t.intColumn("d").get(1));
        assertEquals(1, t.intColumn("c").get(2));
        assertEquals(2, m.count(2, 2));
        assertEquals(0, m.worstClass(), "cat: 1 of 2; bird: 2 of 3");
        var e = assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(labels, new int[]{0}, 3));
        assertTrue(e.getMessage().contains("7") && e.getMessage().contains("1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[]{3}, new int[]{0}, 3));
    }

    @Test
    void histogramTable() {
        Bins h = Bins.of(new double[]{0.1, 0.2, 0.7, 5}, 2, 0, 1);
        Table t = h.table();
        assertEquals(List.of("bin centre", "count", "fraction"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(0.25, t.doubleColumn("bin centre").get(0));
        assertEquals(2, t.intColumn("count").get(0));
        assertEquals(h.fractions()[1], t.doubleColumn("fraction").get(1));
    }
}
