package dev.medi.devstack;

import java.nio.file.Path;

/**
 * The services of the suite, their Maven modules, databases and fixed local ports: the public HTTP port and the
 * management interface's port (health, metrics, OpenAPI; never routed publicly, ADR 0008).
 */
public enum MediService {
    AUTH("auth-service", "auth", 8081, 9001),
    PATIENT("patient-service", "patient", 8082, 9002),
    QUEUE("queue-service", "queue", 8083, 9003),
    AI("ai-service", "ai", 8084, 9004),
    GATEWAY("gateway", null, 8080, 9000);

    private final String module;
    private final String database;
    private final int localPort;
    private final int localManagementPort;

    MediService(String module, String database, int localPort, int localManagementPort) {
        this.module = module;
        this.database = database;
        this.localPort = localPort;
        this.localManagementPort = localManagementPort;
    }

    public String module() {
        return module;
    }

    /** The service's own database, or {@code null} (the gateway keeps nothing). */
    public String database() {
        return database;
    }

    public int localPort() {
        return localPort;
    }

    /** The management interface's port in the local run (each service's {@code quarkus.management.port}). */
    public int localManagementPort() {
        return localManagementPort;
    }

    /** Key of the gateway's route table that points at this service. */
    public String routeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The packaged application built by {@code ./mvnw package}. */
    public Path runnerJar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
