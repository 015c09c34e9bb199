package dl.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class RandomSearchTest {
    private static RandomSearch lrAndDecay(long seed) {
        return new RandomSearch(seed).logUniform("lr", -6, -2).logUniform("weight decay", -8, -4);
    }

    @Test
    void drawsStayInsideTheirDecadesAndCoverThem() {
        RandomSearch search = lrAndDecay(1);
        int[] lrDecades = new int[4];
        double lowestExponent = 0, highestExponent = -10;
        for (int i = 0; i < 2000; i++) {
            Map<String, Double> s = search.next();
            double lr = s.get("lr"), wd = s.get("weight decay");
            assertTrue(lr >= 1e-6 && lr < 1e-2, "lr " + lr + " outside [1e-6, 1e-2)");
            assertTrue(wd >= 1e-8 && wd < 1e-4, "weight decay " + wd + " outside [1e-8, 1e-4)");
            double e = Math.log10(lr);
            lrDecades[(int) Math.floor(e + 6)]++;
            lowestExponent = Math.min(lowestExponent, e);
            highestExponent = Math.max(highestExponent, e);
        }
        // uniform in the exponent: each of the 4 decades gets about 500 of 2000 draws
        for (int count : lrDecades) {
            assertTrue(count > 400 && count < 600, "decade counts " + java.util.Arrays.toString(lrDecades));
        }
        assertTrue(lowestExponent < -5.98 && highestExponent > -2.02, "the draws reach both ends of the range");
    }

    @Test
    void theSameSeedDrawsTheSameSettingsAnotherSeedOthers() {
        RandomSearch a = lrAndDecay(42), b = lrAndDecay(42), c = lrAndDecay(43);
        List<Map<String, Double>> fromA = new ArrayList<>(), fromB = new ArrayList<>(), fromC = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fromA.add(a.next());
            fromB.add(b.next());
            fromC.add(c.next());
        }
        assertEquals(fromA, fromB);
        assertNotEquals(fromA, fromC);
        assertEquals(List.of("lr", "weight decay"), new ArrayList<>(fromA.get(0).keySet()), "definition order");
    }

    @Test
    void recordsTrialsPicksTheBestByValidationAccuracyAndTabulatesThem() {
        RandomSearch search = lrAndDecay(3);
        Map<String, Double> s1 = search.next(), s2 = search.next(), s3 = search.next();
        search.record(s1, 0.50, 0.90);
        RandomSearch.Trial second = search.record(s2, 0.75, 0.60);
        search.record(s3, 0.75, 0.99);
        assertEquals(2, second.number());
        assertSame(second, search.best(), "highest validation accuracy, earlier trial on a tie — not the training accuracy");
        assertEquals(s2.get("lr"), search.best().get("lr"));

        Table t = search.table();
        assertEquals(List.of("trial", "lr", "weight decay", "validation accuracy", "train accuracy"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(s3.get("weight decay"), t.doubleColumn("weight decay").get(2));
        assertEquals(0.60, t.doubleColumn("train accuracy").get(1));
        assertEquals(3, t.intColumn("trial").get(2));
    }

    @Test
    void badRangesAndNullsAreRefusedByName() {
        RandomSearch search = new RandomSearch(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> search.logUniform("lr", -2, -6));
        assertEquals("the exponent range of \"lr\" must be finite with low < high, got [-2.0, -6.0)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> search.logUniform("lr", -3, -3));
        assertThrows(IllegalArgumentException.class, () -> search.logUniform("lr", Double.NaN, -3));
        assertThrows(IllegalArgumentException.class, () -> search.logUniform("lr", -3, Double.POSITIVE_INFINITY));
        assertEquals("name", assertThrows(NullPointerException.class, () -> search.logUniform(null, -3, -2)).getMessage());
        search.logUniform("lr", -3, -2);
        assertThrows(IllegalArgumentException.class, () -> search.logUniform("lr", -5, -4), "defined twice");
        assertEquals("setting", assertThrows(NullPointerException.class, () -> search.record(null, 0.5, 0.5)).getMessage());
    }

    @Test
    void misuseIsRefused() {
        assertThrows(IllegalStateException.class, () -> new RandomSearch(0).next(), "nothing to draw");
        RandomSearch search = lrAndDecay(0);
        assertThrows(IllegalStateException.class, search::best, "no trial yet");
        Map<String, Double> s = search.next();
        assertThrows(IllegalStateException.class, () -> search.logUniform("momentum", -2, 0), "added after drawing");
        Map<String, Double> foreign = new HashMap<>(Map.of("lr", 0.001, "weight decay", 1e-6));
        assertThrows(IllegalArgumentException.class, () -> search.record(foreign, 0.5, 0.5), "not drawn by next()");
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> search.record(s, Double.NaN, 0.5));
        assertEquals("validation accuracy must lie in [0, 1], got NaN", nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> search.record(s, 0.5, 1.5));
        search.record(s, 0.5, 0.5);
        assertThrows(IllegalArgumentException.class, () -> search.record(s, 0.6, 0.6), "recorded twice");
        assertThrows(IllegalArgumentException.class, () -> search.trials().get(0).get("momentum"));
        assertThrows(UnsupportedOperationException.class, () -> s.put("lr", 1.0), "a drawn setting is read-only");
    }
}
