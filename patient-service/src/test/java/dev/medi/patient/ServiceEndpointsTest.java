package dev.medi.patient;

import dev.medi.platform.testing.DatabaseServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceEndpointsTest extends DatabaseServiceEndpointsContract {

    @Override
    protected String[] documentedPaths() {
        return new String[]{"/api/v1/patients", "/api/v1/patients/{id}", "/api/v1/patients/{id}/entered-in-error",
                "/api/v1/patients/{id}/break-glass", "/api/v1/audit"};
    }
}
