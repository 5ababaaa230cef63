package dev.medi.queue.rest;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import dev.medi.queue.SlaTargets;
import dev.medi.queue.config.QueueConfig;
import dev.medi.queue.service.DepartmentService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Departments and their rooms: staff read them, admins change them (audited; updates need If-Match). */
@Path("/api/v1/departments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Departments")
@SecurityRequirement(name = "jwt")
public class DepartmentResource {


    private final DepartmentService departments;
    private final QueueConfig config;
    private final CurrentCaller caller;

    DepartmentResource(DepartmentService departments, QueueConfig config, CurrentCaller caller) {
        this.departments = departments;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
    public Uni<List<DepartmentView>> list() {
        return departments.list().map(all -> all.stream().map(DepartmentView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "The department; ETag = version", content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return departments.get(id).map(department -> Response.ok(DepartmentView.of(department))
                .tag(new EntityTag(Long.toString(department.version()))).build());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "Created; Location and ETag", content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    @APIResponse(responseCode = "409", description = "A department with this code exists")
    public Uni<Response> create(@Valid @NotNull DepartmentRequest request) {
        ZoneId zone = zone(request.timeZone() == null ? config.defaults().timeZone() : request.timeZone());
        LocalTime close = request.autoCloseAt() == null ? config.defaults().autoCloseAt() : LocalTime.parse(request.autoCloseAt());
        SlaTargets targets = request.slaTargets() == null ? SlaTargets.DEFAULT : request.slaTargets().toTargets();
        return departments.create(caller.get(), request.code(), request.name().strip(), zone, close, targets)
                .map(department -> Response.created(UriBuilder.fromPath("/api/v1/departments/{id}").build(department.id()))
                        .tag(new EntityTag(Long.toString(department.version()))).entity(DepartmentView.of(department)).build());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "Updated; ETag = new version", content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    @APIResponse(responseCode = "412", description = "Changed since it was read (If-Match)")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull DepartmentUpdate request) {
        long expected = versionFrom(ifMatch);
        var changes = new DepartmentService.Changes(request.name(), request.timeZone() == null ? null : zone(request.timeZone()),
                request.autoCloseAt() == null ? null : LocalTime.parse(request.autoCloseAt()),
                request.slaTargets() == null ? null : request.slaTargets().toTargets(), request.active());
        return departments.update(caller.get(), id, expected, changes)
                .map(department -> Response.ok(DepartmentView.of(department))
                        .tag(new EntityTag(Long.toString(department.version()))).build());
    }

    @GET
    @Path("/{id}/rooms")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
    public Uni<List<RoomView>> rooms(@PathParam("id") UUID id) {
        return departments.rooms(id).map(all -> all.stream().map(RoomView::of).toList());
    }

    @POST
    @Path("/{id}/rooms")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "Room added", content = @Content(schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "409", description = "The department has a room with this name")
    public Uni<Response> addRoom(@PathParam("id") UUID id, @Valid @NotNull RoomRequest request) {
        return departments.addRoom(caller.get(), id, request.name())
                .map(room -> Response.status(Response.Status.CREATED).entity(RoomView.of(room)).build());
    }

    @POST
    @Path("/{id}/rooms/{roomId}/disable")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Uni<RoomView> disableRoom(@PathParam("id") UUID id, @PathParam("roomId") UUID roomId) {
        return departments.setRoomActive(caller.get(), id, roomId, false).map(RoomView::of);
    }

    @POST
    @Path("/{id}/rooms/{roomId}/enable")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Uni<RoomView> enableRoom(@PathParam("id") UUID id, @PathParam("roomId") UUID roomId) {
        return departments.setRoomActive(caller.get(), id, roomId, true).map(RoomView::of);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new ProblemException(ProblemType.VALIDATION, "Unknown time zone.",
                    List.of(new Problem.FieldError("timeZone", "is not an IANA time zone, e.g. Europe/Berlin")));
        }
    }

    /** {@code If-Match: "3"} (or {@code W/"3"}) → 3. */
    private static long versionFrom(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the ETag of the department as you last read it.");
        }
        try {
            return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The If-Match value is not an ETag of this department.");
        }
    }
}
