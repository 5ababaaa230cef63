package dev.medi.patient.rest;

import dev.medi.patient.repository.AuditEntryRepository;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.patient.service.AuditQueryService;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The audit log of patient data, for admins. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Audit")
@SecurityRequirement(name = "jwt")
public class AuditResource {

    private final AuditQueryService audit;

    AuditResource(AuditQueryService audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Query the audit log",
            description = "Newest first. Filters: patientId, actor (user name), action (e.g. patient.break-glass), "
                    + "outcome (success, denied). Pass next as before for older entries.")
    public Uni<AuditPage> query(@QueryParam("patientId") @Size(max = 36) String patientId,
                                @QueryParam("actor") @Size(max = 128) String actor,
                                @QueryParam("action") @Pattern(regexp = "[a-z-]+\\.[a-z-]+") String action,
                                @QueryParam("outcome") @Pattern(regexp = "success|denied|failed") String outcome,
                                @QueryParam("before") @Size(max = 36) String before,
                                @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return audit.page(new AuditEntryRepository.Filter(uuid("patientId", patientId), actor, action, outcome),
                        uuid("before", before), limit + 1)
                .map(entries -> {
                    List<AuditEntryView> items = entries.stream().limit(limit).map(AuditEntryView::of).toList();
                    UUID next = entries.size() > limit ? items.get(items.size() - 1).id() : null;
                    return new AuditPage(items, next);
                });
    }

    /** A query parameter as a UUID; JAX-RS would answer an unparsable one with 404. */
    private static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.VALIDATION, "The query has invalid parameters.",
                    List.of(new Problem.FieldError(name, "must be a UUID")));
        }
    }
}
