package dev.medi.devstack;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The storage tool takes a cluster id starting with '-' for an option: one Kafka start in 64 failed in CI. */
class KafkaClusterIdTest {

    @Test
    void clusterIdsNeverStartWithADashAndAreSixteenBytes() {
        // 10,000 draws: with one in 64 starting with '-', the chance that none would is below 1e-68.
        for (int i = 0; i < 10_000; i++) {
            String id = KafkaBroker.newClusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length);
        }
    }
}
