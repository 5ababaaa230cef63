package dev.medi.patient.fhir;

import dev.medi.patient.service.RecordReader;
import dev.medi.patient.service.ClinicalReadService;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;

import java.util.UUID;

/**
 * The export of a patient's record for staff ({@code /api/v1}, errors as problem+json): a FHIR R4 Bundle of type
 * {@code collection} with the Patient, its Encounters and vital-sign Observations, as {@code $everything} serves
 * them. Clinical access (their departments, break-glass, admins); audited as {@code patient.export}.
 */
@Path("/api/v1/patients/{patientId}/export")
@RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
@Tag(name = "Patients")
@SecurityRequirement(name = "jwt")
public class PatientExportResource {

    private final ClinicalReadService clinical;
    private final FhirConfig config;
    private final FhirR4 fhir;
    private final CurrentCaller caller;

    PatientExportResource(ClinicalReadService clinical, FhirConfig config, FhirR4 fhir, CurrentCaller caller) {
        this.clinical = clinical;
        this.config = config;
        this.fhir = fhir;
        this.caller = caller;
    }

    @GET
    @Produces(FhirR4.FHIR_JSON)
    @Operation(operationId = "patientExport", summary = "Export a patient's record",
            description = "FHIR R4 Bundle (collection): Patient, Encounters, vital-sign Observations. Audited as "
                    + "patient.export.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FhirR4.FHIR_JSON))
    public Uni<Response> export(@PathParam("patientId") UUID patientId) {
        String base = FhirResource.baseUrl(config);
        return clinical.everything(new RecordReader.Staff(caller.get()), patientId)
                .map(record -> Response.ok(fhir.encode(FhirBundles.everything(record, base, Bundle.BundleType.COLLECTION), false))
                        .type(FhirR4.FHIR_JSON)
                        .header("Content-Disposition", "attachment; filename=\"patient-" + patientId + ".fhir.json\"")
                        .build());
    }
}
