package dl.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The experiments that need no data run in a unit test at the book's sizes and must reproduce the book. */
class ExperimentsTest {

    static Lab fullLab() {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        return new Lab(false, Path.of("no data is read by these experiments"), new ProgressLine(sink, false, 1, () -> 0));
    }

    @Test
    void numericalDerivativesMatchTheBooksDigits() {
        Outcome o = Chapter4.gradient1d(fullLab());
        assertEquals(Outcome.Verdict.REPRODUCED, o.verdict, o.rows.toString());
        assertEquals("0.1999999999990898", o.rows.get(0).oursText());
    }

    @Test
    void gradientDescentAndTheFourOptimizersEndWhereTheBookSays() {
        Outcome method = Chapter4.gradientMethod(fullLab());
        assertEquals(Outcome.Verdict.REPRODUCED, method.verdict, method.rows.toString());
        Outcome naive = Chapter6.optimizerCompareNaive(fullLab());
        assertEquals(Outcome.Verdict.REPRODUCED, naive.verdict, naive.rows.toString());
        assertEquals(4, naive.rows.size());
        assertTrue(naive.figures.size() == 1 && naive.criterion.contains("0.01"));
    }

    @Test
    void aFailingExperimentIsRecordedNotThrown() {
        Experiments.Entry broken = new Experiments.Entry("broken", 4, lab -> {
            throw new IllegalStateException("no data");
        });
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            Outcome o = Experiments.run(broken, fullLab());
            assertEquals(Outcome.Verdict.FAILED, o.verdict);
            assertEquals("IllegalStateException: no data", o.error);
            assertTrue(o.seconds >= 0);
        } finally {
            System.setErr(err);
        }
    }
}
