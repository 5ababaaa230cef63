package dev.medi.platform.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Runs the factory the way Quarkus does (discovered by SmallRye Config through META-INF/services) against
 * a local stand-in of the Secret Manager REST API, with the real Google client on HTTP/JSON.
 */
class GcpSecretsConfigSourceFactoryTest {

    private static final String PROJECT = "medi-test";
    private static final String JWT_KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQ-test-only\n-----END PRIVATE KEY-----";
    private static final String DB_PASSWORD = "pg-secret-value-7f3a";

    private SecretManagerStandIn standIn;
    private final Map<String, String> applicationProperties = new HashMap<>();

    @BeforeEach
    void startStandIn() throws Exception {
        standIn = new SecretManagerStandIn();
        applicationProperties.put("medi.secrets.gcp.endpoint", standIn.endpoint());
        applicationProperties.put("medi.secrets.gcp.timeout", "2s");
        // The value a secret must override.
        applicationProperties.put("quarkus.datasource.password", "from-application-properties");
    }

    @AfterEach
    void stopStandIn() {
        standIn.close();
    }

    @Test
    void readsMappedSecretsOnceWithTheExactRequestPaths() {
        standIn.secret(PROJECT, "medi-jwt-signing-key", "latest", JWT_KEY)
                .secret(PROJECT, "medi-quarkus-datasource-password", "latest", DB_PASSWORD)
                .secret(PROJECT, "medi-ai-api-key", "3", "ai-key-v3");
        applicationProperties.put("medi.secrets.gcp.project-id", PROJECT);
        applicationProperties.put("medi.secrets.gcp.keys",
                "smallrye.jwt.sign.key=medi-jwt-signing-key, quarkus.datasource.password, medi.ai.api-key=medi-ai-api-key:3");

        SmallRyeConfig config = buildConfig();

        for (int lookup = 0; lookup < 3; lookup++) {
            assertEquals(JWT_KEY, config.getValue("smallrye.jwt.sign.key", String.class));
            assertEquals(DB_PASSWORD, config.getValue("quarkus.datasource.password", String.class));
            assertEquals("ai-key-v3", config.getValue("medi.ai.api-key", String.class));
        }
        // Golden requests: one per secret however often config is read, plaintext, no credentials.
        List<SecretManagerStandIn.Request> requests = standIn.requests();
        // The calls run in parallel, so compare as a set; the query is the client's JSON wire-format choice.
        assertEquals(Set.of(
                "GET /v1/projects/medi-test/secrets/medi-jwt-signing-key/versions/latest:access?$alt=json;enum-encoding%3Dint",
                "GET /v1/projects/medi-test/secrets/medi-quarkus-datasource-password/versions/latest:access?$alt=json;enum-encoding%3Dint",
                "GET /v1/projects/medi-test/secrets/medi-ai-api-key/versions/3:access?$alt=json;enum-encoding%3Dint"),
                requests.stream().map(r -> r.method() + " " + r.path() + "?" + r.query()).collect(Collectors.toSet()));
        assertEquals(3, requests.size());
        for (SecretManagerStandIn.Request request : requests) {
            assertNull(request.authorization(), "no credentials are sent to a stand-in");
        }
        ConfigSource source = secretsSource(config);
        assertNotNull(source, "the secrets source is registered");
        assertEquals(270, source.getOrdinal());
        assertEquals(Set.of("smallrye.jwt.sign.key", "quarkus.datasource.password", "medi.ai.api-key"),
                source.getPropertyNames());
        assertFalse(source.toString().contains(DB_PASSWORD), "the source's text holds names only");
    }

    @Test
    void settingsComeFromEnvironmentVariablesAsInProduction() {
        standIn.secret(PROJECT, "medi-jwt-signing-key", "latest", JWT_KEY);
        // How a Kubernetes deployment sets them; the env source maps the names to medi.secrets.gcp.*.
        EnvConfigSource environment = new EnvConfigSource(Map.of(
                "MEDI_SECRETS_GCP_PROJECT_ID", PROJECT,
                "MEDI_SECRETS_GCP_ENDPOINT", standIn.endpoint(),
                "MEDI_SECRETS_GCP_KEYS", "smallrye.jwt.sign.key=medi-jwt-signing-key"), 300);

        SmallRyeConfig config = new SmallRyeConfigBuilder().addDiscoveredSources().withSources(environment).build();

        assertEquals(JWT_KEY, config.getValue("smallrye.jwt.sign.key", String.class));
    }

    @Test
    void ordinalIsConfigurable() {
        standIn.secret(PROJECT, "medi-quarkus-datasource-password", "latest", DB_PASSWORD);
        applicationProperties.put("medi.secrets.gcp.project-id", PROJECT);
        applicationProperties.put("medi.secrets.gcp.keys", "quarkus.datasource.password");
        applicationProperties.put("medi.secrets.gcp.ordinal", "240");

        SmallRyeConfig config = buildConfig();

        // Below application.properties (250 here), so the file wins.
        assertEquals("from-application-properties", config.getValue("quarkus.datasource.password", String.class));
        assertEquals(240, secretsSource(config).getOrdinal());
    }

    @Test
    void missingSecretFailsNamingTheSecretButNoValue() {
        standIn.secret(PROJECT, "medi-quarkus-datasource-password", "latest", DB_PASSWORD);
        applicationProperties.put("medi.secrets.gcp.project-id", PROJECT);
        applicationProperties.put("medi.secrets.gcp.keys", "quarkus.datasource.password, smallrye.jwt.sign.key=medi-jwt-signing-key");

        IllegalStateException failure = startupFailure();

        assertTrue(failure.getMessage().contains("'medi-jwt-signing-key'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("smallrye.jwt.sign.key"), failure.getMessage());
        assertTrue(failure.getMessage().contains("NOT_FOUND"), failure.getMessage());
        assertFalse(fullText(failure).contains(DB_PASSWORD), "no secret value in the failure or its causes");
    }

    @Test
    void unansweredRequestFailsWithinTheTimeout() throws Exception {
        standIn.hang("medi-jwt-signing-key");
        applicationProperties.put("medi.secrets.gcp.project-id", PROJECT);
        applicationProperties.put("medi.secrets.gcp.keys", "smallrye.jwt.sign.key=medi-jwt-signing-key");
        applicationProperties.put("medi.secrets.gcp.timeout", "500ms");

        long start = System.nanoTime();
        IllegalStateException failure = startupFailure();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(standIn.hangingRequestArrived.await(0, TimeUnit.SECONDS), "the request reached the stand-in");
        assertTrue(failure.getMessage().contains("'medi-jwt-signing-key'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("DEADLINE_EXCEEDED"), failure.getMessage());
        // The stand-in would hang until the test ends: only the client's deadline can end the call.
        // Generous bound (client set-up included), far below anything but a working deadline.
        assertTrue(elapsed.compareTo(Duration.ofSeconds(10)) < 0, "failed after " + elapsed);
    }

    @Test
    void unavailableIsRetriedAndThenSucceeds() {
        standIn.secret(PROJECT, "medi-quarkus-datasource-password", "latest", DB_PASSWORD)
                .unavailable("medi-quarkus-datasource-password", 2);
        applicationProperties.put("medi.secrets.gcp.project-id", PROJECT);
        applicationProperties.put("medi.secrets.gcp.keys", "quarkus.datasource.password");

        SmallRyeConfig config = buildConfig();

        assertEquals(DB_PASSWORD, config.getValue("quarkus.datasource.password", String.class));
        assertEquals(3, standIn.requests().size());
    }

    @Test
    void retriesAreBounded() {
        standIn.secret(PROJECT, "medi-quarkus-datasource-password", "latest", DB_PASSWORD)
                .unavailable("medi-quarkus-datasource-password", 100);
        applicationProperties.put("medi.secrets.gcp.project-id", PROJECT);
        applicationProperties.put("medi.secrets.gcp.keys", "quarkus.datasource.password");

        IllegalStateException failure = startupFailure();

        assertTrue(failure.getMessage().contains("UNAVAILABLE"), failure.getMessage());
        assertEquals(3, standIn.requests().size(), "max attempts");
    }

    @Test
    void checksumMismatchFails() {
        standIn.secret(PROJECT, "medi-quarkus-datasource-password", "latest", DB_PASSWORD)
                .corrupt("medi-quarkus-datasource-password");
        applicationProperties.put("medi.secrets.gcp.project-id", PROJECT);
        applicationProperties.put("medi.secrets.gcp.keys", "quarkus.datasource.password");

        IllegalStateException failure = startupFailure();

        assertTrue(failure.getMessage().contains("'medi-quarkus-datasource-password'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("CRC32C"), failure.getMessage());
        assertFalse(fullText(failure).contains(DB_PASSWORD));
    }

    @Test
    void withoutProjectIdNoSourceAndNoCall() {
        standIn.secret(PROJECT, "medi-quarkus-datasource-password", "latest", DB_PASSWORD);
        applicationProperties.put("medi.secrets.gcp.keys", "quarkus.datasource.password");

        SmallRyeConfig config = buildConfig();

        assertNull(secretsSource(config));
        assertEquals("from-application-properties", config.getValue("quarkus.datasource.password", String.class));
        assertEquals(List.of(), standIn.requests());
        // The factory itself yields nothing, not just an empty source.
        Iterable<ConfigSource> sources = new GcpSecretsConfigSourceFactory().getConfigSources(new MapContext(applicationProperties));
        assertFalse(sources.iterator().hasNext());
    }

    @Test
    void invalidSettingsFailStartup() {
        applicationProperties.put("medi.secrets.gcp.project-id", PROJECT);
        applicationProperties.put("medi.secrets.gcp.endpoint", "https://" + standIn.endpoint());

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> new GcpSecretsConfigSourceFactory().getConfigSources(new MapContext(applicationProperties)));

        assertTrue(failure.getMessage().contains("medi.secrets.gcp.endpoint"), failure.getMessage());
    }

    @Test
    void factoryIsRegisteredForServiceLoading() {
        assertTrue(StreamSupport.stream(ServiceLoader.load(ConfigSourceFactory.class).spliterator(), false)
                .anyMatch(GcpSecretsConfigSourceFactory.class::isInstance));
    }

    private SmallRyeConfig buildConfig() {
        return new SmallRyeConfigBuilder()
                .addDiscoveredSources()
                .withSources(new PropertiesConfigSource(applicationProperties, "application.properties", 250))
                .build();
    }

    private IllegalStateException startupFailure() {
        RuntimeException thrown = assertThrows(RuntimeException.class, this::buildConfig);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException ise && ise.getMessage().startsWith("Could not read secret")) {
                return ise;
            }
        }
        throw new AssertionError("expected a secret read failure", thrown);
    }

    private static ConfigSource secretsSource(SmallRyeConfig config) {
        for (ConfigSource source : config.getConfigSources()) {
            if (source.getName().startsWith("GcpSecretManagerConfigSource")) {
                return source;
            }
        }
        return null;
    }

    private static String fullText(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** A factory context over a plain map, for calling the factory directly. */
    private record MapContext(Map<String, String> values) implements ConfigSourceContext {
        @Override
        public ConfigValue getValue(String name) {
            return ConfigValue.builder().withName(name).withValue(values.get(name)).build();
        }

        @Override
        public Iterator<String> iterateNames() {
            return values.keySet().iterator();
        }
    }
}
