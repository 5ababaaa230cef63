package dev.medi.platform.defaults.wire;

import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A service's own problem kinds and request types, as a service would declare them: only for ProblemWireTest. */
@Path("/wire-test")
public class ProblemTestResource {

    static final ProblemKind POSSIBLE_DUPLICATE = ProblemKind.of("possible-duplicate", "Possible duplicate patient", 409);
    static final ProblemKind REAUTHENTICATION_REQUIRED = ProblemKind.of("reauthentication-required",
            "Sign in again to sign", 401);
    static final String STEP_UP = "Bearer error=\"insufficient_user_authentication\", "
            + "error_description=\"A more recent sign-in is required\", max_age=300";

    record Candidate(String id, List<String> matchedOn) {
    }

    record Identifier(@NotBlank String system, @NotBlank String value) {
    }

    record Registration(@NotBlank String family, List<@NotBlank String> given, List<@Valid Identifier> identifiers,
                        Set<@Pattern(regexp = "nurse|doctor") String> roles) {
    }

    @GET
    @Path("/duplicate")
    public String duplicate() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("candidates", List.of(new Candidate("p-1", List.of("birthDate+name", "phone"))));
        throw new ProblemException(POSSIBLE_DUPLICATE, "Patients like this one exist.", extensions);
    }

    @GET
    @Path("/reauthenticate")
    public String reauthenticate() {
        throw new ProblemException(REAUTHENTICATION_REQUIRED, "Sign in again to sign this note.", null, null,
                Map.of("WWW-Authenticate", STEP_UP));
    }

    @POST
    @Path("/registrations")
    public String register(@Valid Registration registration) {
        return "ok";
    }
}
