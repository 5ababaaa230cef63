package dev.medi.platform;

import dev.medi.platform.testing.MediInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL and Kafka for every @QuarkusTest of platform/outbox (registered once per module). */
@QuarkusTestResource(MediInfrastructure.class)
public class OutboxTestInfrastructure {
}
