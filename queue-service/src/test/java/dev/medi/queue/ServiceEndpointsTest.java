package dev.medi.queue;

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
    void metricsIncludeTheOutboxRelay() {
        ServiceEndpoints.assertMetrics("medi_outbox_published_total", "medi_outbox_lag_seconds", "jvm_memory_used_bytes");
    }

    @Test
    void openApiDescribesTheQueueApi() {
        ServiceEndpoints.assertOpenApi("/api/v1/queues/{departmentId}/check-ins",
                "/api/v1/queues/{departmentId}/entries/{entryId}");
    }
}
