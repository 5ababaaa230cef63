package dev.medi.platform.defaults.security;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A verified token that many requests can share. smallrye-jwt's principal is not changed after it is built,
 * but it hands out some claim values as the parser's own mutable lists and maps (for example {@code amr},
 * which auth-service sets): one request could change what the next one reads. Those values are copied here
 * once, read-only; everything else (strings, numbers, {@code JsonValue}s, fresh sets) is passed through.
 */
final class ImmutableJsonWebToken implements JsonWebToken {

    private final JsonWebToken verified;
    private final Set<String> claimNames;
    private final Map<String, Object> readOnlyContainers;

    ImmutableJsonWebToken(JsonWebToken verified) {
        this.verified = verified;
        this.claimNames = Set.copyOf(verified.getClaimNames());
        Map<String, Object> containers = new HashMap<>();
        for (String name : claimNames) {
            Object value = verified.getClaim(name);
            if (isMutableContainer(value)) {
                containers.put(name, readOnlyCopy(value));
            }
        }
        this.readOnlyContainers = Map.copyOf(containers);
    }

    @Override
    public String getName() {
        return verified.getName();
    }

    @Override
    public Set<String> getClaimNames() {
        return claimNames;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        Object readOnly = readOnlyContainers.get(claimName);
        return (T) (readOnly != null ? readOnly : verified.getClaim(claimName));
    }

    /** Without claim values: principals end up in log lines. */
    @Override
    public String toString() {
        return "JsonWebToken[verified]";
    }

    private static boolean isMutableContainer(Object value) {
        // JsonArray and JsonObject are a List and a Map, but immutable ones, and callers test for them
        return !(value instanceof JsonValue) && (value instanceof Collection<?> || value instanceof Map<?, ?>);
    }

    private static Object readOnlyCopy(Object value) {
        if (value instanceof JsonValue) {
            return value;
        }
        if (value instanceof Set<?> set) {
            Set<Object> copy = new LinkedHashSet<>();
            set.forEach(element -> copy.add(readOnlyCopy(element)));
            return Collections.unmodifiableSet(copy);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(element -> copy.add(readOnlyCopy(element)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(key, readOnlyCopy(element)));
            return Collections.unmodifiableMap(copy);
        }
        return value;
    }
}
