package dev.medi.platform.testing;

import dev.medi.devstack.DevKeys;
import dev.medi.devstack.KafkaBroker;
import dev.medi.devstack.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Test resource: starts a real PostgreSQL server and a real Kafka broker (KRaft) as processes, creates a
 * fresh database for this run, generates a signing key, and points the service under test at them.
 * Register it once per module with {@code @QuarkusTestResource(MediInfrastructure.class)}; pass
 * {@code @ResourceArg(name = "postgres", value = "false")} for a service without a database.
 */
public class MediInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** Config key of the private key that {@link TestTokens} signs with. */
    public static final String SIGNING_KEY = "medi.test.signing-key";
    /** Config key of the key id that {@link TestTokens} puts in the header. */
    public static final String KEY_ID = "medi.test.key-id";

    private boolean withPostgres = true;
    private Path work;
    private PostgresServer postgres;
    private KafkaBroker kafka;

    @Override
    public void init(Map<String, String> initArgs) {
        withPostgres = !"false".equalsIgnoreCase(initArgs.getOrDefault("postgres", "true"));
    }

    @Override
    public Map<String, String> start() {
        try {
            work = Files.createTempDirectory("medi-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<PostgresServer> startingPostgres = withPostgres
                ? CompletableFuture.supplyAsync(() -> PostgresServer.start(null, 0))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<KafkaBroker> startingKafka =
                CompletableFuture.supplyAsync(() -> KafkaBroker.start(work.resolve("kafka"), 0, 0));
        DevKeys keys = DevKeys.loadOrCreate(work.resolve("keys"));
        postgres = startingPostgres.join();
        kafka = startingKafka.join();

        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", keys.publicKeyPem().toString());
        config.put(SIGNING_KEY, keys.privateKeyPem().toString());
        config.put(KEY_ID, keys.keyId());
        if (postgres != null) {
            String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
            postgres.createDatabaseIfMissing(database);
            config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        }
        return config;
    }

    @Override
    public void stop() {
        try {
            if (kafka != null) {
                kafka.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory; the OS cleans it eventually
        }
    }
}
