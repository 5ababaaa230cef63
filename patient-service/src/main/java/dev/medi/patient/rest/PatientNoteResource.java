package dev.medi.patient.rest;

import dev.medi.patient.service.NoteService;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A patient's clinical notes. */
@Path("/api/v1/patients/{patientId}/notes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
@Tag(name = "Clinical notes")
@SecurityRequirement(name = "jwt")
public class PatientNoteResource {

    private final NoteService notes;
    private final CurrentCaller caller;

    PatientNoteResource(NoteService notes, CurrentCaller caller) {
        this.notes = notes;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "A patient's notes", description = "Newest first, without the text. Clinical staff with "
            + "access to the patient and admins; the front desk is refused (audited).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NoteView.Page.class)))
    public Uni<NoteView.Page> listPatientNotes(@PathParam("patientId") UUID patientId) {
        return notes.ofPatient(caller.get(), patientId)
                .map(found -> new NoteView.Page(found.stream().map(NoteView.Summary::of).toList()));
    }
}
