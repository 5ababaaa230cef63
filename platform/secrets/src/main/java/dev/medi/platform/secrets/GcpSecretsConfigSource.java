package dev.medi.platform.secrets;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/** Secret values fetched at startup, held in memory; lookups never go back to Secret Manager. */
final class GcpSecretsConfigSource implements ConfigSource {

    private final String name;
    private final int ordinal;
    private final Map<String, String> values;

    GcpSecretsConfigSource(String projectId, int ordinal, Map<String, String> values) {
        this.name = "GcpSecretManagerConfigSource[project=" + projectId + "]";
        this.ordinal = ordinal;
        this.values = Map.copyOf(values);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }

    @Override
    public String toString() {
        // Names only: this may end up in logs or config dumps.
        return name + values.keySet();
    }
}
