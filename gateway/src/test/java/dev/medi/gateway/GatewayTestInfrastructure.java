package dev.medi.gateway;

import dev.medi.platform.testing.MediInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real Kafka (the gateway keeps no database) and a stand-in upstream service for every test here. */
@QuarkusTestResource(value = MediInfrastructure.class, initArgs = @ResourceArg(name = "postgres", value = "false"))
@QuarkusTestResource(UpstreamStandIn.class)
public class GatewayTestInfrastructure {
}
