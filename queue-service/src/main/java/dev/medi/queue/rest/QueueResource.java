package dev.medi.queue.rest;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.defaults.security.Roles;
import dev.medi.queue.service.CheckInService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/queues/{departmentId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Queue")
@SecurityRequirement(name = "jwt")
public class QueueResource {

    private final CheckInService checkIns;
    private final JsonWebToken token;

    QueueResource(CheckInService checkIns, JsonWebToken token) {
        this.checkIns = checkIns;
        this.token = token;
    }

    @POST
    @Path("/check-ins")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @APIResponse(responseCode = "201", description = "Checked in; Location points at the entry",
            content = @Content(schema = @Schema(implementation = QueueEntryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> checkIn(@PathParam("departmentId") UUID departmentId,
                                 @Valid @NotNull CheckInRequest request) {
        return checkIns.checkIn(Caller.of(token), departmentId, request.patientId(), request.chiefComplaint())
                .map(entry -> Response.created(UriBuilder.fromPath("/api/v1/queues/{departmentId}/entries/{entryId}")
                                .build(departmentId, entry.id()))
                        .entity(QueueEntryView.of(entry))
                        .build());
    }

    @GET
    @Path("/entries/{entryId}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
    public Uni<QueueEntryView> entry(@PathParam("departmentId") UUID departmentId, @PathParam("entryId") UUID entryId) {
        return checkIns.find(Caller.of(token), departmentId, entryId)
                .map(entry -> {
                    if (entry == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "No such entry in this department's queue.");
                    }
                    return QueueEntryView.of(entry);
                });
    }
}
