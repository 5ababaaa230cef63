package dev.medi.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole suite on one machine: {@link Infrastructure} plus the five services as separate JVMs,
 * configured to find each other. Used by the local run and by the system tests.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(120);

    /**
     * @param projectRoot where the services' {@code target/quarkus-app} builds are
     * @param home        data, logs and keys
     * @param fixedPorts  the documented local ports (8080–8084, PostgreSQL 15432, Kafka 9092); false = free ports
     * @param profile     Quarkus profile the services run with
     * @param extraConfig configuration every service gets on top of the stack's own (e.g. a short signing window
     *                    for the browser tests' re-authentication step)
     */
    public record Options(Path projectRoot, Path home, boolean fixedPorts, String profile, Map<String, String> extraConfig) {

        public Options {
            extraConfig = Map.copyOf(extraConfig);
        }

        public Options(Path projectRoot, Path home, boolean fixedPorts, String profile) {
            this(projectRoot, home, fixedPorts, profile, Map.of());
        }
    }

    public static final int LOCAL_POSTGRES_PORT = 15432;
    public static final int LOCAL_KAFKA_PORT = 9092;
    public static final int LOCAL_KAFKA_CONTROLLER_PORT = 9093;

    private final Infrastructure infrastructure;
    private final Map<MediService, ServiceProcess> services;
    private final Options options;

    private LocalStack(Infrastructure infrastructure, Map<MediService, ServiceProcess> services, Options options) {
        this.infrastructure = infrastructure;
        this.services = services;
        this.options = options;
    }

    public static LocalStack start(Options options) {
        boolean fixed = options.fixedPorts();
        Infrastructure infrastructure = Infrastructure.start(new Infrastructure.Config(options.home(),
                fixed ? LOCAL_POSTGRES_PORT : 0, fixed ? LOCAL_KAFKA_PORT : 0,
                fixed ? LOCAL_KAFKA_CONTROLLER_PORT : 0, fixed));
        Map<MediService, ServiceProcess> started = Collections.synchronizedMap(new EnumMap<>(MediService.class));
        try {
            Map<MediService, Integer> ports = new EnumMap<>(MediService.class);
            Map<MediService, Integer> managementPorts = new EnumMap<>(MediService.class);
            for (MediService service : MediService.values()) {
                ports.put(service, fixed ? service.localPort() : Ports.freePort());
                managementPorts.put(service, fixed ? service.localManagementPort() : Ports.freePort());
                if (service.database() != null) {
                    infrastructure.postgres().createDatabaseIfMissing(service.database());
                }
            }
            List<CompletableFuture<Void>> readiness = new ArrayList<>();
            for (MediService service : MediService.values()) {
                ServiceProcess process = ServiceProcess.start(service, service.runnerJar(options.projectRoot()),
                        options.profile(), ports.get(service), managementPorts.get(service),
                        withExtra(configFor(service, infrastructure, ports), options.extraConfig()),
                        options.home().resolve("logs").resolve(service.module() + ".log"));
                started.put(service, process);
                readiness.add(CompletableFuture.runAsync(() -> process.awaitReady(SERVICE_READY_TIMEOUT)));
            }
            CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new)).join();
            return new LocalStack(infrastructure, started, options);
        } catch (RuntimeException e) {
            new LocalStack(infrastructure, started, options).close();
            throw e;
        }
    }

    private static Map<String, String> withExtra(Map<String, String> config, Map<String, String> extra) {
        config.putAll(extra);
        return config;
    }

    /** Where auth-service publishes its token signing keys (current and next) as a JSON Web Key Set. */
    static final String JWKS_PATH = "/.well-known/jwks.json";

    /** The configuration a service gets as system properties: where its database, broker and keys are. */
    static Map<String, String> configFor(MediService service, Infrastructure infra, Map<MediService, Integer> ports) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        // Every service verifies tokens against auth-service's JWKS, as in production, so that a rotated key
        // (new kid) is picked up without a restart. auth-service itself keeps the PEM: it must not depend on
        // itself to start or to verify, and it holds the key anyway.
        config.put("mp.jwt.verify.publickey.location", service == MediService.AUTH
                ? infra.keys().publicKeyPem().toString()
                : "http://127.0.0.1:" + ports.get(MediService.AUTH) + JWKS_PATH);
        if (service.database() != null) {
            config.put("quarkus.datasource.reactive.url", infra.postgres().reactiveUrl(service.database()));
            config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(service.database()));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        }
        if (service == MediService.AUTH) {
            // auth-service signs with the local key; the other services verify with its public half.
            config.put("medi.auth.keys.current-location", infra.keys().privateKeyPem().toString());
            config.put("medi.auth.demo-users", "true");
            // TOTP secrets are encrypted at rest; production reads the key from the secret store, the stack keeps
            // one beside its signing key (without it, enrolling a second factor answered 500 in the prod profile).
            config.put("medi.auth.second-factor.encryption-key-location",
                    infra.keys().privateKeyPem().resolveSibling("totp-encryption.key").toString());
            config.put("medi.auth.second-factor.create-missing-key", "true");
        }
        if (service == MediService.PATIENT) {
            // FHIR links name the gateway, the only address clients reach, never the service's own
            config.put("medi.patient.fhir.base-url", "http://127.0.0.1:" + ports.get(MediService.GATEWAY) + "/fhir/r4");
        }
        if (service == MediService.QUEUE) {
            // the demo accounts work in the demo departments: they must exist in every profile the stack runs
            config.put("medi.queue.demo.departments", "true");
            // check-in asks patient-service about a patient whose registration event has not arrived (ADR 0016)
            if (ports.containsKey(MediService.PATIENT)) {
                config.put("medi.queue.patient-service.url", "http://127.0.0.1:" + ports.get(MediService.PATIENT));
            }
        }
        if (service == MediService.AI) {
            // scribe jobs ask patient-service for the encounter and the patient with the caller's token (ADR 0019);
            // patient summaries read the record the same way (ADR 0020)
            if (ports.containsKey(MediService.PATIENT)) {
                config.put("medi.ai.patient-service.url", "http://127.0.0.1:" + ports.get(MediService.PATIENT));
            }
        }
        if (service == MediService.GATEWAY) {
            for (MediService upstream : MediService.values()) {
                if (upstream != MediService.GATEWAY) {
                    config.put("medi.gateway.services." + upstream.routeName(), "http://127.0.0.1:" + ports.get(upstream));
                }
            }
        }
        return config;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public ServiceProcess service(MediService service) {
        return services.get(service);
    }

    public String gatewayUrl() {
        return services.get(MediService.GATEWAY).baseUrl();
    }

    /**
     * Stops {@code service} (SIGTERM, as Kubernetes would) and starts it again on the same port with the same
     * configuration; returns once it is ready.
     */
    public ServiceProcess restart(MediService service) {
        ServiceProcess old = services.get(service);
        old.close();
        Map<MediService, Integer> ports = new EnumMap<>(MediService.class);
        services.forEach((name, process) -> ports.put(name, process.port()));
        ServiceProcess restarted = ServiceProcess.start(service, service.runnerJar(options.projectRoot()), options.profile(),
                old.port(), old.managementPort(), configFor(service, infrastructure, ports),
                options.home().resolve("logs").resolve(service.module() + ".restarted.log"));
        services.put(service, restarted);
        restarted.awaitReady(SERVICE_READY_TIMEOUT);
        return restarted;
    }

    /** The first service process that has exited, if any. */
    public java.util.Optional<ServiceProcess> firstExited() {
        return services.values().stream().filter(s -> !s.process().isAlive()).findFirst();
    }

    /** Stops the gateway first, then the services, then the broker and the database. */
    @Override
    public void close() {
        ServiceProcess gateway = services.remove(MediService.GATEWAY);
        if (gateway != null) {
            gateway.close();
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ServiceProcess process : List.copyOf(services.values())) {
            stopping.add(CompletableFuture.runAsync(process::close));
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        infrastructure.close();
    }
}
