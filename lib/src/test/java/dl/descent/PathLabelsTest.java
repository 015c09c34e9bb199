package dl.descent;

import dl.calculus.Examples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PathLabelsTest {

    @Test
    void oneLabelPerIterateWithSubscriptDigits() {
        Path path = GradientDescent.minimize(Examples.QUADRATIC, 4.0, 0.2, 12);
        List<String> labels = path.labels();
        assertEquals(13, labels.size());
        assertEquals("x₀", labels.get(0));
        assertEquals("x₇", labels.get(7));
        assertEquals("x₁₂", labels.get(12));
        assertEquals("w₃", path.labels("w").get(3));
    }

    @Test
    void aDivergedPathLabelsOnlyTheStoredIterates() {
        Path path = GradientDescent.minimize(Examples.SUM_OF_SQUARES, new double[] {-3, 4}, 10, 100);
        assertTrue(path.diverged());
        assertEquals(path.steps() + 1, path.labels().size());
        assertEquals("x" + "₁₀".substring(0, 1), path.labels().get(1));
    }
}
