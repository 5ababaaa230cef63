package dev.medi.patient;

import dev.medi.platform.testing.ServiceEndpoints;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceEndpointsTest {

    @Test
    void readinessCoversDatabaseAndBroker() {
        ServiceEndpoints.assertHealthy("PostgreSQL", "Kafka");
    }

    @Test
    void metricsAreExported() {
        ServiceEndpoints.assertMetrics("medi_outbox_published_total", "jvm_memory_used_bytes");
    }

    @Test
    void openApiIsServed() {
        ServiceEndpoints.assertOpenApi();
    }
}
