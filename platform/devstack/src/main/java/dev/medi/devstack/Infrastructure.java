package dev.medi.devstack;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * PostgreSQL, Kafka and the token signing key: everything the services need beneath them.
 * Started in parallel (PostgreSQL ≈ 2–5 s, Kafka ≈ 6–8 s on two cores).
 */
public final class Infrastructure implements AutoCloseable {

    /**
     * @param home                where data, logs and keys live
     * @param postgresPort        0 for a free port
     * @param kafkaPort           0 for a free port
     * @param kafkaControllerPort 0 for a free port
     * @param keepData            keep the PostgreSQL cluster under {@code home} between runs (local run);
     *                            false gives a throw-away cluster (tests)
     */
    public record Config(Path home, int postgresPort, int kafkaPort, int kafkaControllerPort, boolean keepData) {
    }

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final DevKeys keys;

    private Infrastructure(PostgresServer postgres, KafkaBroker kafka, DevKeys keys) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keys = keys;
    }

    public static Infrastructure start(Config config) {
        CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(() -> PostgresServer.start(
                config.keepData() ? config.home().resolve("postgres") : null, config.postgresPort()));
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> KafkaBroker.start(
                config.home().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort()));
        try {
            DevKeys keys = DevKeys.loadOrCreate(config.home().resolve("keys"));
            return new Infrastructure(postgres.join(), kafka.join(), keys);
        } catch (CompletionException | IllegalStateException e) {
            postgres.thenAccept(PostgresServer::close);
            kafka.thenAccept(KafkaBroker::close);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public DevKeys keys() {
        return keys;
    }

    public DevTokens tokens() {
        return new DevTokens(keys);
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
