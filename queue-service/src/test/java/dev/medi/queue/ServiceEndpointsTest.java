package dev.medi.queue;

import dev.medi.platform.testing.DatabaseServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceEndpointsTest extends DatabaseServiceEndpointsContract {

    @Override
    protected String[] documentedPaths() {
        return new String[]{"/api/v1/queues/{departmentId}/check-ins", "/api/v1/queues/{departmentId}/entries/{entryId}"};
    }
}
