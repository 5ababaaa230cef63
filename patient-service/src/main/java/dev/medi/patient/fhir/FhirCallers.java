package dev.medi.patient.fhir;

import dev.medi.patient.service.RecordReader;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who calls the FHIR API, from the verified access token: a member of staff (roles in {@code groups}, judged by
 * the core's {@code AccessPolicy}), or a hospital system holding a client-credentials token ({@code client_id},
 * space-separated {@code scope}, no roles). A token with a {@code client_id} is a client's, whatever else it holds.
 */
final class FhirCallers {

    /** Staff roles that may use patient records at all (which patients is the access policy's business). */
    static final Set<String> STAFF_ROLES = Set.of(Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN);

    private FhirCallers() {
    }

    /**
     * The caller allowed to read patient data.
     *
     * @param staff the request's caller as a member of staff, used once the token is known not to be a client's
     *
     * @throws FhirException 401 without a verified token, 403 for a client without {@code patient.read} or a
     *                       user without a staff role
     */
    static RecordReader requireReader(SecurityIdentity identity, CurrentCaller staff) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw FhirException.unauthenticated();
        }
        if (token.containsClaim("client_id")) {
            Set<String> scopes = scopes(token.getClaim("scope"));
            if (!scopes.contains(RecordReader.PATIENT_READ)) {
                throw FhirException.forbidden("This client's token does not grant the scope patient.read.");
            }
            String clientId = text(token.getClaim("client_id"));
            return new RecordReader.ApiClient(clientId == null || clientId.isBlank() ? token.getName() : clientId, scopes);
        }
        Caller caller = staff.get();
        if (caller.roles().stream().noneMatch(STAFF_ROLES::contains)) {
            throw FhirException.forbidden("Your role does not allow reading patient records.");
        }
        return new RecordReader.Staff(caller);
    }

    private static String text(Object claim) {
        return claim instanceof JsonString string ? string.getString() : claim == null ? null : claim.toString();
    }

    private static Set<String> scopes(Object claim) {
        if (claim instanceof JsonString string) {
            return split(string.getString());
        }
        if (claim instanceof String string) {
            return split(string);
        }
        if (claim instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString())
                    .collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Object::toString).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    private static Set<String> split(String scope) {
        return Arrays.stream(scope.strip().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
