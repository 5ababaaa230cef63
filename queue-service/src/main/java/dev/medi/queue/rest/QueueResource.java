package dev.medi.queue.rest;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import dev.medi.platform.events.QueueSnapshot;
import dev.medi.queue.service.CheckInService;
import dev.medi.queue.service.IdempotencyKey;
import dev.medi.queue.service.QueueFlowService;
import dev.medi.queue.service.QueueSnapshotService;
import dev.medi.queue.service.QueueStatisticsService;
import dev.medi.queue.service.TriageService;
import dev.medi.triage.TriageAssessment;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A department's queue: check-in, triage, the snapshot, and every step of an entry's way through it. */
@Path("/api/v1/queues/{departmentId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Queue")
@SecurityRequirement(name = "jwt")
public class QueueResource {

    /** Header that makes a check-in safe to retry (draft-ietf-httpapi-idempotency-key-header). */
    public static final String IDEMPOTENCY_KEY = IdempotencyKey.HEADER;

    private final CheckInService checkIns;
    private final TriageService triage;
    private final QueueFlowService flow;
    private final QueueSnapshotService snapshots;
    private final QueueStatisticsService statistics;
    private final CurrentCaller caller;
    /** The caller's own token, passed on when patient-service is asked about a patient in the caller's name. */
    private final JsonWebToken token;

    QueueResource(CheckInService checkIns, TriageService triage, QueueFlowService flow, QueueSnapshotService snapshots,
                  QueueStatisticsService statistics, CurrentCaller caller, JsonWebToken token) {
        this.checkIns = checkIns;
        this.triage = triage;
        this.flow = flow;
        this.snapshots = snapshots;
        this.statistics = statistics;
        this.caller = caller;
        this.token = token;
    }

    /**
     * Requires {@code Idempotency-Key}: a repeat with the same key answers with the original entry (header
     * {@code Idempotent-Replayed: true}) and creates nothing; the same key with another body is a 422.
     */
    @POST
    @Path("/check-ins")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @APIResponse(responseCode = "201", description = "Checked in; Location points at the entry",
            content = @Content(schema = @Schema(implementation = QueueEntryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or no Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for a different request, or "
            + "unknown-patient: patientId names no registered patient (nothing is stored)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The patient is not known here yet and patient-service cannot "
            + "confirm it now (nothing is stored; retry with the same Idempotency-Key)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> checkIn(@PathParam("departmentId") UUID departmentId,
                                 @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                                 @Valid @NotNull CheckInRequest request) {
        String key = IdempotencyKey.require(idempotencyKey);
        String arrivalName = request.arrivalName() == null || request.arrivalName().isBlank() ? null : request.arrivalName();
        return checkIns.checkIn(caller.get(), departmentId, key,
                        new CheckInService.Arrival(request.patientId(), arrivalName, request.chiefComplaint()),
                        token.getRawToken())
                .map(checkedIn -> {
                    Response.ResponseBuilder response = Response.created(UriBuilder.fromPath("/api/v1/queues/{departmentId}/entries/{entryId}")
                            .build(departmentId, checkedIn.entry().id())).entity(QueueEntryView.of(checkedIn.entry()));
                    return checkedIn.replayed() ? response.header("Idempotent-Replayed", "true").build() : response.build();
                });
    }

    /** The live queue in order, with positions, waits, SLA states and estimates, at a sequence number. */
    @GET
    @Path("/snapshot")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
    public Uni<QueueSnapshot> snapshot(@PathParam("departmentId") UUID departmentId) {
        return snapshots.snapshot(caller.get(), departmentId);
    }

    /**
     * The operations dashboard's figures of one day: waiting now, SLA breaches, waits (median, p90) by ESI level,
     * arrivals and finished consultations per hour, left without being seen, triage overrides and totals.
     */
    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "The day's figures",
            content = @Content(schema = @Schema(implementation = QueueStatisticsView.class)))
    @APIResponse(responseCode = "400", description = "date is not YYYY-MM-DD or zone is not an IANA time zone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a department of the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<QueueStatisticsView> statistics(@PathParam("departmentId") UUID departmentId,
                                               @Parameter(description = "YYYY-MM-DD; default: today in zone")
                                               @QueryParam("date") @Size(max = 10) String date,
                                               @Parameter(description = "IANA time zone; default UTC")
                                               @QueryParam("zone") @Size(max = 64) String zone) {
        return statistics.statistics(caller.get(), departmentId, statistics.day(date, zone)).map(QueueStatisticsView::of);
    }

    /**
     * The day's ended entries (finished, transferred, left without being seen, no-show, cancelled), newest end
     * first; {@code state=ended} is the only state listed here (the live queue is the snapshot).
     */
    @GET
    @Path("/entries")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "A page of entries; pass next as before for the next page",
            content = @Content(schema = @Schema(implementation = QueueEntryPage.class)))
    @APIResponse(responseCode = "400", description = "state is not ended, or date, zone, before or limit invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a department of the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<QueueEntryPage> entries(@PathParam("departmentId") UUID departmentId,
                                       @QueryParam("state") @NotNull @Pattern(regexp = "ended") String state,
                                       @Parameter(description = "YYYY-MM-DD; default: today in zone")
                                       @QueryParam("date") @Size(max = 10) String date,
                                       @Parameter(description = "IANA time zone; default UTC")
                                       @QueryParam("zone") @Size(max = 64) String zone,
                                       @Parameter(description = "the next of the previous page")
                                       @QueryParam("before") @Size(max = 36) String before,
                                       @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return statistics.ended(caller.get(), departmentId, statistics.day(date, zone), statistics.cursor(before), limit)
                .map(page -> {
                    List<QueueEntryView> items = page.entries().stream().map(QueueEntryView::of).toList();
                    return new QueueEntryPage(items, page.more() ? items.get(items.size() - 1).id() : null);
                });
    }

    @GET
    @Path("/entries/{entryId}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
    public Uni<QueueEntryView> entry(@PathParam("departmentId") UUID departmentId, @PathParam("entryId") UUID entryId) {
        return snapshots.history(caller.get(), departmentId, entryId).map(history -> QueueEntryView.of(history.entry()));
    }

    /** Every transition and triage of the entry, including those before a transfer. */
    @GET
    @Path("/entries/{entryId}/history")
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
    public Uni<HistoryView> history(@PathParam("departmentId") UUID departmentId, @PathParam("entryId") UUID entryId) {
        return snapshots.history(caller.get(), departmentId, entryId).map(HistoryView::of);
    }

    /** Stores a triage: the engine's level is computed here; a different final level needs a reason. */
    @POST
    @Path("/entries/{entryId}/triage")
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR})
    @APIResponse(responseCode = "200", description = "Triaged")
    @APIResponse(responseCode = "409", description = "Not allowed in the entry's current status")
    public Uni<TriageView> triage(@PathParam("departmentId") UUID departmentId, @PathParam("entryId") UUID entryId,
                                  @Valid @NotNull TriageRequest request) {
        TriageAssessment assessment = TriageResource.assessment(request, LocalDate.now(ZoneOffset.UTC));
        return triage.triage(caller.get(), departmentId, entryId, assessment, request.finalLevel(), request.overrideReason())
                .map(TriageView::of);
    }

    /** The calling doctor gets the first waiting entry (or {@code entryId}) in {@code room}; 404 when nobody waits. */
    @POST
    @Path("/call-next")
    @RolesAllowed(Roles.DOCTOR)
    @APIResponse(responseCode = "200", description = "The entry called")
    @APIResponse(responseCode = "404", description = "Nobody waits (or no such entry or room)")
    @APIResponse(responseCode = "409", description = "Not allowed in the entry's current status")
    public Uni<QueueEntryView> callNext(@PathParam("departmentId") UUID departmentId, @Valid @NotNull CallNextRequest request) {
        Caller doctor = caller.get();
        return flow.callNext(doctor, UUID.fromString(doctor.subject()), departmentId, request.room().strip(),
                request.entryId()).map(QueueEntryView::of);
    }

    @POST
    @Path("/entries/{entryId}/consultation")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(Roles.DOCTOR)
    @APIResponse(responseCode = "200", description = "Consultation started")
    @APIResponse(responseCode = "409", description = "Not allowed in the entry's current status")
    public Uni<QueueEntryView> startConsultation(@PathParam("departmentId") UUID departmentId, @PathParam("entryId") UUID entryId) {
        return flow.startConsultation(caller.get(), departmentId, entryId).map(QueueEntryView::of);
    }

    @POST
    @Path("/entries/{entryId}/finish")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(Roles.DOCTOR)
    @APIResponse(responseCode = "200", description = "Finished")
    @APIResponse(responseCode = "409", description = "Not allowed in the entry's current status")
    public Uni<QueueEntryView> finish(@PathParam("departmentId") UUID departmentId, @PathParam("entryId") UUID entryId) {
        return flow.finish(caller.get(), departmentId, entryId).map(QueueEntryView::of);
    }

    /** Into another department's queue with the same arrival time and priority; answers with the new entry. */
    @POST
    @Path("/entries/{entryId}/transfer")
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "The new entry in the other department")
    @APIResponse(responseCode = "409", description = "Not allowed in the entry's current status")
    public Uni<QueueEntryView> transfer(@PathParam("departmentId") UUID departmentId, @PathParam("entryId") UUID entryId,
                                        @Valid @NotNull TransferRequest request) {
        return flow.transfer(caller.get(), departmentId, entryId, request.departmentId(), request.reason().strip())
                .map(QueueEntryView::of);
    }

    @POST
    @Path("/entries/{entryId}/left-without-being-seen")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR})
    @APIResponse(responseCode = "200", description = "Left without being seen")
    @APIResponse(responseCode = "409", description = "Not allowed in the entry's current status")
    public Uni<QueueEntryView> leftWithoutBeingSeen(@PathParam("departmentId") UUID departmentId, @PathParam("entryId") UUID entryId,
                                                    @Valid ReasonRequest request) {
        return flow.leftWithoutBeingSeen(caller.get(), departmentId, entryId, reason(request)).map(QueueEntryView::of);
    }

    @POST
    @Path("/entries/{entryId}/no-show")
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR})
    @APIResponse(responseCode = "200", description = "No-show")
    @APIResponse(responseCode = "409", description = "Not allowed in the entry's current status")
    public Uni<QueueEntryView> noShow(@PathParam("departmentId") UUID departmentId, @PathParam("entryId") UUID entryId,
                                      @Valid ReasonRequest request) {
        return flow.noShow(caller.get(), departmentId, entryId, reason(request)).map(QueueEntryView::of);
    }

    @POST
    @Path("/entries/{entryId}/cancel")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "409", description = "Not allowed in the entry's current status")
    public Uni<QueueEntryView> cancel(@PathParam("departmentId") UUID departmentId, @PathParam("entryId") UUID entryId,
                                      @Valid @NotNull CancelRequest request) {
        return flow.cancel(caller.get(), departmentId, entryId, request.reason().strip()).map(QueueEntryView::of);
    }

    /**
     * Names the registered patient of a walk-in's entry (registered after the check-in). The patient must be one a
     * check-in could name; the entry must have no patient yet and must not have ended.
     */
    @POST
    @Path("/entries/{entryId}/patient")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "Linked; the entry with its patientId",
            content = @Content(schema = @Schema(implementation = QueueEntryView.class)))
    @APIResponse(responseCode = "400", description = "No patientId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a department of the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entry in this department",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The entry has a patient already, or has ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "unknown-patient: patientId names no registered patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "patient-service cannot confirm the patient now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<QueueEntryView> linkPatient(@PathParam("departmentId") UUID departmentId, @PathParam("entryId") UUID entryId,
                                           @Valid @NotNull LinkPatientRequest request) {
        return flow.linkPatient(caller.get(), departmentId, entryId, request.patientId(), token.getRawToken())
                .map(QueueEntryView::of);
    }

    /** Admin only: place a waiting entry at a priority (or back to the computed one); the reason is audited. */
    @PUT
    @Path("/entries/{entryId}/priority-override")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "Priority set")
    @APIResponse(responseCode = "409", description = "Not allowed in the entry's current status")
    public Uni<QueueEntryView> overridePriority(@PathParam("departmentId") UUID departmentId, @PathParam("entryId") UUID entryId,
                                                @Valid @NotNull PriorityOverrideRequest request) {
        return flow.overridePriority(caller.get(), departmentId, entryId, request.priority(), request.reason().strip())
                .map(QueueEntryView::of);
    }

    private static String reason(ReasonRequest request) {
        return request == null || request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
    }
}
