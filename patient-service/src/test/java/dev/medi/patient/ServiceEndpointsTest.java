package dev.medi.patient;

import dev.medi.platform.testing.DatabaseServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceEndpointsTest extends DatabaseServiceEndpointsContract {
}
