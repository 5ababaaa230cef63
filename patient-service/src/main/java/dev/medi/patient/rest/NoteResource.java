package dev.medi.patient.rest;

import dev.medi.patient.config.NoteConfig;
import dev.medi.patient.service.NoteService;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One clinical note: read, edit the draft (If-Match), versions, sign, addenda, PDF; and the drafts awaiting the
 * calling doctor's signature. Signing and addenda need a recent sign-in (see {@link #authenticatedAt}).
 */
@Path("/api/v1/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
@Tag(name = "Clinical notes")
@SecurityRequirement(name = "jwt")
public class NoteResource {

    /**
     * A note id's characters: {@code /api/v1/notes/awaiting-my-signature} is then never a note, so another method than
     * GET there answers 405 with Allow, not 404 for an unreadable id.
     */
    static final String ID = "[0-9a-fA-F-]+";

    private final NoteService notes;
    private final NoteConfig config;
    private final CurrentCaller caller;
    /** Only for the time of the sign-in ({@link #authenticatedAt}), which the {@code Caller} does not carry. */
    private final JsonWebToken token;

    NoteResource(NoteService notes, NoteConfig config, CurrentCaller caller, JsonWebToken token) {
        this.notes = notes;
        this.config = config;
        this.caller = caller;
        this.token = token;
    }

    @GET
    @RolesAllowed(Roles.DOCTOR)
    @Operation(summary = "Drafts awaiting my signature",
            description = "awaiting-signature=me (the only value): the calling doctor's drafts to sign, oldest first.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NoteView.Page.class)))
    public Uni<NoteView.Page> awaitingSignature(@Parameter(description = "me") @QueryParam("awaiting-signature") String awaiting) {
        if (!"me".equals(awaiting)) {
            throw new ProblemException(ProblemType.VALIDATION, "List notes with awaiting-signature=me.",
                    List.of(new Problem.FieldError("awaiting-signature", "must be me")));
        }
        return notes.awaitingSignature(caller.get())
                .map(found -> new NoteView.Page(found.stream().map(NoteView.Summary::of).toList()));
    }

    @GET
    @Path("/awaiting-my-signature")
    @RolesAllowed(Roles.DOCTOR)
    @Operation(summary = "Drafts awaiting my signature (same as ?awaiting-signature=me)")
    public Uni<NoteView.Page> awaitingMySignature() {
        return awaitingSignature("me");
    }

    @GET
    @Path("/{id: " + ID + "}")
    @Operation(summary = "Read a note", description = "With its addenda; ETag = version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NoteView.class)))
    public Uni<Response> getNote(@PathParam("id") UUID id) {
        return notes.get(caller.get(), id).map(NoteResource::ok);
    }

    @PUT
    @Path("/{id: " + ID + "}")
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR})
    @Operation(summary = "Edit a draft", description = "Replaces the four sections. If-Match required (428 without, "
            + "412 when stale). Signed notes: 409 (add an addendum). Every saved content is kept (versions).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "409", description = "The note is signed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed meanwhile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> editNote(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                              @Valid @NotNull NoteRequests.UpdateNote request) {
        long expected = ETags.required(ifMatch);
        return notes.edit(caller.get(), id, expected, request.content()).map(NoteResource::ok);
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "Every saved content of a note", description = "Oldest first.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NoteView.Versions.class)))
    public Uni<NoteView.Versions> noteVersions(@PathParam("id") UUID id) {
        return notes.versions(caller.get(), id)
                .map(found -> new NoteView.Versions(found.stream().map(NoteView.Version::of).toList()));
    }

    @POST
    @Path("/{id}/sign")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR})
    @Operation(summary = "Sign a draft",
            description = "Doctors only (nurses: 403); a draft addressed to a doctor (signer) only by that doctor (others: "
                    + "403; re-assign it first with PUT /api/v1/notes/{id}/signer). The token must come from a sign-in (password) within "
                    + "medi.patient.notes.signing-max-auth-age (5 minutes); otherwise 401 reauthentication-required: "
                    + "sign in again through auth-service's login and repeat. Optional If-Match (412 when stale). "
                    + "A signed note never changes (409).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "401", description = "reauthentication-required",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match given and the note changed meanwhile")
    @APIResponse(responseCode = "409", description = "Already signed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> signNote(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return notes.sign(caller.get(), id, ETags.optional(ifMatch), authenticatedAt(token)).map(NoteResource::ok);
    }

    @PUT
    @Path("/{id}/signer")
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR})
    @Operation(summary = "Re-assign a draft to another doctor for signature",
            description = "{signer, reason}: only the designated signer signs a draft addressed to a doctor; this gives "
                    + "it to another (for example to yourself when the addressee is away). Nurses and doctors who may "
                    + "write the patient's notes. Kept with its reason and audited (note.reassign). Optional If-Match "
                    + "(412 when stale). A signed note is 409.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "409", description = "The note is signed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed meanwhile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reassignSigner(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                        @Valid @NotNull NoteRequests.ReassignSigner request) {
        return notes.reassignSigner(caller.get(), id, ETags.optional(ifMatch), request.signer(), request.reason())
                .map(NoteResource::ok);
    }

    @POST
    @Path("/{id}/addenda")
    @RolesAllowed({Roles.NURSE, Roles.DOCTOR})
    @Operation(summary = "Add a signed addendum to a signed note",
            description = "The addendum is signed by its author, so the same rules as signing apply (doctor, recent "
                    + "sign-in). A draft is 409: edit it instead.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = NoteView.class)))
    public Uni<Response> addAddendum(@PathParam("id") UUID id, @Valid @NotNull NoteRequests.CreateAddendum request) {
        return notes.addAddendum(caller.get(), id, request.text(), authenticatedAt(token))
                .map(read -> Response.status(Response.Status.CREATED)
                        .tag(new EntityTag(Long.toString(read.note().version())))
                        .entity(NoteView.of(read.note(), read.addenda())).build());
    }

    @GET
    @Path("/{id}/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "The PDF of a signed note",
            description = "Clinic and patient identifiers, encounter date, SOAP sections, signature, AI provenance, "
                    + "addenda. Drafts: 409. Audited as note.pdf.")
    @APIResponse(responseCode = "200", description = "application/pdf")
    public Uni<Response> notePdf(@PathParam("id") UUID id) {
        return notes.pdf(caller.get(), id, config.pdf().clinicName())
                .map(pdf -> Response.ok(pdf.bytes(), "application/pdf")
                        .header("Content-Disposition", "inline; filename=\"note-" + pdf.note().id() + ".pdf\"")
                        .header("Cache-Control", "private, no-store")
                        .build());
    }

    private static Response ok(NoteService.NoteWithAddenda read) {
        return Response.ok(NoteView.of(read.note(), read.addenda()))
                .tag(new EntityTag(Long.toString(read.note().version()))).build();
    }

    /**
     * When the caller last proved their identity: the token's {@code auth_time} (OpenID Connect: the time of the
     * password entry, kept across refreshes; auth-service sets it on every staff token), else its {@code iat}
     * (tokens from elsewhere, e.g. tests); see README (Signing).
     */
    static Instant authenticatedAt(JsonWebToken token) {
        // smallrye-jwt answers an absent time claim with 0
        Object authTime = token.getClaim("auth_time");
        long authenticated = authTime instanceof JsonNumber number ? number.longValue()
                : authTime instanceof Number number ? number.longValue() : 0;
        if (authenticated > 0) {
            return Instant.ofEpochSecond(authenticated);
        }
        long issuedAt = token.getIssuedAtTime();
        return issuedAt > 0 ? Instant.ofEpochSecond(issuedAt) : null;
    }
}
