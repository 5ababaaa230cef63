package dev.medi.devstack;

import java.nio.file.Path;

/** The services of the suite, their Maven modules, databases and fixed local ports. */
public enum MediService {
    AUTH("auth-service", "auth", 8081),
    PATIENT("patient-service", "patient", 8082),
    QUEUE("queue-service", "queue", 8083),
    AI("ai-service", "ai", 8084),
    GATEWAY("gateway", null, 8080);

    private final String module;
    private final String database;
    private final int localPort;

    MediService(String module, String database, int localPort) {
        this.module = module;
        this.database = database;
        this.localPort = localPort;
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

    /** Key of the gateway's route table that points at this service. */
    public String routeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The packaged application built by {@code ./mvnw package}. */
    public Path runnerJar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
