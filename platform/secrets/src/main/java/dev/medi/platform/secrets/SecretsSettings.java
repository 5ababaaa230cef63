package dev.medi.platform.secrets;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code medi.secrets.gcp.*} settings, read from the config sources that exist before the factory runs.
 * See {@link GcpSecretsConfigSourceFactory} for what each key means.
 */
record SecretsSettings(
        String projectId,
        Optional<String> endpoint,
        List<SecretMapping> mappings,
        int ordinal,
        Duration timeout) {

    static final String PREFIX = "medi.secrets.gcp.";
    static final String PROJECT_ID = PREFIX + "project-id";
    static final String ENDPOINT = PREFIX + "endpoint";
    static final String SECRET_PREFIX = PREFIX + "prefix";
    static final String KEYS = PREFIX + "keys";
    static final String ORDINAL = PREFIX + "ordinal";
    static final String TIMEOUT = PREFIX + "timeout";

    static final String DEFAULT_SECRET_PREFIX = "medi-";
    /** Above application.properties (250) and /config (260), below env vars (300) and system properties (400). */
    static final int DEFAULT_ORDINAL = 270;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+:[0-9]{1,5}|\\[[0-9A-Fa-f:.]+]:[0-9]{1,5}");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("([0-9]+)(ms|s|m)?");

    /**
     * Reads the settings through {@code lookup} (a config name to its value, or null when unset).
     *
     * @return empty when no project id is configured: the integration is then switched off
     */
    static Optional<SecretsSettings> read(Function<String, String> lookup) {
        String projectId = trimmed(lookup.apply(PROJECT_ID));
        if (projectId == null) {
            return Optional.empty();
        }
        // The id becomes a path segment of every request: keep it to one segment.
        if (!projectId.matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException(PROJECT_ID + " '" + projectId + "' is not a valid project id or number");
        }
        Optional<String> endpoint = Optional.ofNullable(trimmed(lookup.apply(ENDPOINT)));
        endpoint.ifPresent(e -> {
            // host:port only: an override always means a local plaintext stand-in, never another TLS endpoint.
            if (!HOST_PORT.matcher(e).matches()) {
                throw new IllegalArgumentException(ENDPOINT + " '" + e + "' must be host:port without a scheme");
            }
        });
        String prefix = Optional.ofNullable(trimmed(lookup.apply(SECRET_PREFIX))).orElse(DEFAULT_SECRET_PREFIX);
        List<SecretMapping> mappings = parseKeys(lookup.apply(KEYS), prefix);
        int ordinal = parseOrdinal(trimmed(lookup.apply(ORDINAL)));
        Duration timeout = parseTimeout(trimmed(lookup.apply(TIMEOUT)));
        return Optional.of(new SecretsSettings(projectId, endpoint, mappings, ordinal, timeout));
    }

    private static List<SecretMapping> parseKeys(String raw, String prefix) {
        List<SecretMapping> mappings = new ArrayList<>();
        if (raw == null) {
            return mappings;
        }
        Set<String> properties = new LinkedHashSet<>();
        for (String entry : raw.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            SecretMapping mapping = SecretMapping.parse(entry, prefix);
            if (!properties.add(mapping.property())) {
                throw new IllegalArgumentException(KEYS + " names property '" + mapping.property() + "' twice");
            }
            mappings.add(mapping);
        }
        return List.copyOf(mappings);
    }

    private static int parseOrdinal(String raw) {
        if (raw == null) {
            return DEFAULT_ORDINAL;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ORDINAL + " '" + raw + "' is not an integer", e);
        }
    }

    /** Accepts the forms Quarkus users write: {@code 5s}, {@code 500ms}, {@code 1m}, a bare number of seconds, or ISO-8601. */
    static Duration parseTimeout(String raw) {
        if (raw == null) {
            return DEFAULT_TIMEOUT;
        }
        Duration timeout;
        Matcher m = SIMPLE_DURATION.matcher(raw);
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                timeout = switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofSeconds(amount);
                };
            } else {
                timeout = Duration.parse(raw);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(TIMEOUT + " '" + raw + "' is not a duration such as 5s or PT5S", e);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(TIMEOUT + " must be positive");
        }
        return timeout;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
