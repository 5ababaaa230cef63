package dev.medi.queue;

import dev.medi.platform.testing.MediInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test of this module runs against one real PostgreSQL and one real Kafka broker, and asks a stand-in of
 * patient-service's patient read about patients its projection does not know ({@link PatientServiceStandIn}).
 */
@QuarkusTestResource(MediInfrastructure.class)
@QuarkusTestResource(PatientServiceStandIn.class)
public class QueueTestInfrastructure {
}
