package dev.medi.platform.testing;

import com.sun.net.httpserver.HttpServer;
import dev.medi.devstack.DevKeys;
import dev.medi.devstack.KafkaBroker;
import dev.medi.devstack.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
 * The public half of the key is served as a JSON Web Key Set from a small HTTP server on loopback, so the
 * service verifies tokens exactly as in production: against a JWKS URL, selecting the key by {@code kid}.
 * Register it once per module with {@code @QuarkusTestResource(MediInfrastructure.class)}; pass
 * {@code @ResourceArg(name = "postgres", value = "false")} for a service without a database.
 */
public class MediInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** Config key of the private key that {@link TestTokens} signs with. */
    public static final String SIGNING_KEY = "medi.test.signing-key";
    /** Config key of the key id that {@link TestTokens} puts in the header. */
    public static final String KEY_ID = "medi.test.key-id";
    /** Config key of the public key (PEM file) that the JWKS publishes, for tests that need its bytes. */
    public static final String VERIFICATION_KEY = "medi.test.verification-key";
    /** Path of the key set on the loopback server, the same path auth-service publishes it at. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private boolean withPostgres = true;
    private Path work;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private HttpServer jwks;

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
        jwks = serveKeySet(keys);
        postgres = startingPostgres.join();
        kafka = startingKafka.join();

        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location",
                "http://127.0.0.1:" + jwks.getAddress().getPort() + JWKS_PATH);
        config.put(SIGNING_KEY, keys.privateKeyPem().toString());
        config.put(KEY_ID, keys.keyId());
        config.put(VERIFICATION_KEY, keys.publicKeyPem().toString());
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
        if (jwks != null) {
            jwks.stop(0);
        }
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

    /** The key set auth-service would publish for this key: one RS256 signing key, {@code kid} = thumbprint. */
    static String keySetJson(DevKeys keys) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(keys.publicKey());
        jwk.setKeyId(keys.keyId());
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static HttpServer serveKeySet(DevKeys keys) {
        byte[] body = keySetJson(keys).getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(JWKS_PATH, exchange -> {
                try {
                    if (!"GET".equals(exchange.getRequestMethod())) {
                        exchange.sendResponseHeaders(405, -1);
                        return;
                    }
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the JWKS server", e);
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
