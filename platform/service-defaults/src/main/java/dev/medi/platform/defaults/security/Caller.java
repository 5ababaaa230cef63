package dev.medi.platform.defaults.security;

import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is calling, from a verified access token: user name, roles, the departments the user works in and the
 * token's subject (the user id; a hospital system's client id). Department access is checked here, below the
 * resources, so no route can forget it.
 *
 * @param subject the token's {@code sub}, or {@code null} for a caller not made from a token (a service acting
 *                on its own)
 */
public record Caller(String username, Set<String> roles, Set<UUID> departments, String subject) {

    /** Name of the token claim listing the caller's department ids. */
    public static final String DEPARTMENTS_CLAIM = "departments";

    /** A caller without a token subject: a service acting on its own (an event consumer, a scheduled job). */
    public Caller(String username, Set<String> roles, Set<UUID> departments) {
        this(username, roles, departments, null);
    }

    public static Caller of(JsonWebToken token) {
        return new Caller(token.getName(), Set.copyOf(token.getGroups()), departmentsOf(token.getClaim(DEPARTMENTS_CLAIM)),
                token.getSubject());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Admins see every department; everyone else only their own. */
    public boolean mayAccessDepartment(UUID departmentId) {
        return hasRole(Roles.ADMIN) || departments.contains(departmentId);
    }

    /** @throws ProblemException 403 when the caller does not work in {@code departmentId} */
    public void requireDepartment(UUID departmentId) {
        if (!mayAccessDepartment(departmentId)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "You are not a member of this department.");
        }
    }

    private static Set<UUID> departmentsOf(Object claim) {
        Collection<?> values;
        if (claim instanceof JsonArray array) {
            values = array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
        } else if (claim instanceof Collection<?> collection) {
            values = collection;
        } else {
            return Set.of();
        }
        return values.stream().map(Object::toString).map(Caller::uuidOrNull).filter(java.util.Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static UUID uuidOrNull(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
