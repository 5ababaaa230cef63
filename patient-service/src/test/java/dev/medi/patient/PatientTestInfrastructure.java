package dev.medi.patient;

import dev.medi.platform.testing.MediInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against one real PostgreSQL and one real Kafka broker. */
@QuarkusTestResource(MediInfrastructure.class)
public class PatientTestInfrastructure {
}
