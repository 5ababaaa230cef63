package dev.medi.patient.rest;

import dev.medi.patient.note.NoteProvenance;
import dev.medi.patient.service.NoteService;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Drafting a clinical note on an encounter. */
@Path("/api/v1/encounters/{encounterId}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NURSE, Roles.DOCTOR})
@Tag(name = "Clinical notes")
@SecurityRequirement(name = "jwt")
public class EncounterNoteResource {

    private final NoteService notes;
    private final CurrentCaller caller;

    EncounterNoteResource(NoteService notes, CurrentCaller caller) {
        this.notes = notes;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Draft a clinical note (SOAP)",
            description = "Doctors and nurses with access to the encounter's patient. At least one section. "
                    + "AI drafts carry provenance {aiGenerated: true, model, promptVersion, sourceTranscriptId}. "
                    + "signer: the doctor expected to sign (default: the author when a doctor).")
    @APIResponse(responseCode = "201", description = "Drafted; Location and ETag",
            content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "400", description = "No section, incomplete provenance, unknown fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such encounter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> draftNote(@PathParam("encounterId") UUID encounterId,
                               @Valid @NotNull NoteRequests.CreateNote request) {
        NoteProvenance provenance = request.provenance() == null ? NoteProvenance.CLINICIAN
                : request.provenance().toProvenance();
        return notes.draft(caller.get(), encounterId,
                        new NoteService.Draft(request.content(), provenance, request.signer()))
                .map(read -> Response.created(UriBuilder.fromPath("/api/v1/notes/{id}").build(read.note().id()))
                        .tag(new EntityTag(Long.toString(read.note().version())))
                        .entity(NoteView.of(read.note(), read.addenda())).build());
    }
}
