package dev.medi.platform.secrets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Adds config values read from Google Cloud Secret Manager, fetched once when the configuration is built
 * (Quarkus runtime init) and then served from memory. Registered through
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}, so a service only needs this jar.
 *
 * <p>Config keys (read from the sources that exist before this factory runs: system properties,
 * environment variables, application.properties):
 * <dl>
 *   <dt>{@code medi.secrets.gcp.project-id}</dt>
 *   <dd>Google Cloud project that holds the secrets. Unset: the factory contributes nothing and makes
 *       no call, so dev and test runs need no Google access.</dd>
 *   <dt>{@code medi.secrets.gcp.keys}</dt>
 *   <dd>Comma-separated list of config properties to fetch. {@code property} alone reads secret
 *       prefix + property with dots replaced by dashes, version {@code latest};
 *       {@code property=secret-id} or {@code property=secret-id:version} names the secret exactly
 *       (no prefix). Example: {@code smallrye.jwt.sign.key=medi-jwt-signing-key}.</dd>
 *   <dt>{@code medi.secrets.gcp.prefix}</dt>
 *   <dd>Prefix of conventionally derived secret ids; default {@code medi-}.</dd>
 *   <dt>{@code medi.secrets.gcp.endpoint}</dt>
 *   <dd>Optional {@code host:port} of a local stand-in; then plain HTTP without credentials. Unset:
 *       Google's endpoint over TLS with Application Default Credentials.</dd>
 *   <dt>{@code medi.secrets.gcp.timeout}</dt>
 *   <dd>Budget for each secret read including retries, e.g. {@code 5s} (default) or {@code 500ms}.</dd>
 *   <dt>{@code medi.secrets.gcp.ordinal}</dt>
 *   <dd>Ordinal of the source; default 270, above application.properties (250, 260 in /config) and
 *       below environment variables (300) and system properties (400).</dd>
 * </dl>
 *
 * <p>If a project id is set and any secret cannot be read, building the configuration fails with an
 * {@link IllegalStateException} naming the secret id, version and property, never a value.
 */
public final class GcpSecretsConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(GcpSecretsConfigSourceFactory.class);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Optional<SecretsSettings> settings = SecretsSettings.read(name -> valueOf(context, name));
        if (settings.isEmpty()) {
            return List.of();
        }
        if (settings.get().mappings().isEmpty()) {
            LOG.warnf("%s is set but %s names no property: no secret is read", SecretsSettings.PROJECT_ID,
                    SecretsSettings.KEYS);
            return List.of();
        }
        Map<String, String> values = new SecretManagerFetcher(settings.get()).fetchAll();
        return List.of(new GcpSecretsConfigSource(settings.get().projectId(), settings.get().ordinal(), values));
    }

    private static String valueOf(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
