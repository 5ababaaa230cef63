package dev.medi.ai.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The scribe's evaluation with the offline engine, the embedding faithfulness check and the PHI redactor, against the
 * figures recorded in eval/minimums.properties (set just under what the offline engine reaches; see
 * docs/ai-evaluation.md). Prints the figures.
 */
class ScribeEvaluationTest {

    @Test
    void offlineEngineMeetsTheRecordedMinimums() {
        List<Consultation> set = EvaluationSet.load();
        EvaluationReport report = ScribeEvaluation.offline().run(set);
        System.out.println(report.format(Boolean.getBoolean("eval.verbose")));

        assertEquals(set.size(), report.consultations());
        assertEquals(0, report.engineFailures(), "the offline engine failed on a consultation");
        Properties limits = EvaluationSet.minimums();
        for (String figure : report.figures().keySet()) {
            assertTrue(limits.containsKey("min." + figure) || limits.containsKey("max." + figure),
                    "no recorded limit for " + figure);
        }
        List<String> failures = ScribeEvaluation.belowMinimums(report, limits);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
