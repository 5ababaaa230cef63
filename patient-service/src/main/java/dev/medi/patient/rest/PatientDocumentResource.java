package dev.medi.patient.rest;

import dev.medi.patient.service.DocumentService;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.nio.file.Files;
import java.util.UUID;

/**
 * Filing and listing a patient's documents. Upload either as the raw file ({@code Content-Type} of the file,
 * {@code title}, {@code category} and optionally {@code fileName} as query parameters) or as
 * {@code multipart/form-data} (part {@code file} plus {@code title}, {@code category}).
 */
@Path("/api/v1/patients/{patientId}/documents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
@Tag(name = "Documents")
@SecurityRequirement(name = "jwt")
public class PatientDocumentResource {

    private final DocumentService documents;
    private final CurrentCaller caller;

    PatientDocumentResource(DocumentService documents, CurrentCaller caller) {
        this.documents = documents;
        this.caller = caller;
    }

    @POST
    @Consumes({"application/pdf", "image/png", "image/jpeg"})
    @Operation(summary = "File a document (raw body)",
            description = "The body is the file; its Content-Type must be application/pdf, image/png or image/jpeg and "
                    + "match the file's signature. Clinical staff of the patient's departments and admins.")
    @APIResponse(responseCode = "201", description = "Filed; Location of the metadata",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "Missing title or category, empty file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than medi.patient.documents.max-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not PDF, PNG or JPEG, or the content is not what the type says",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> uploadDocument(@PathParam("patientId") UUID patientId,
                                   @HeaderParam("Content-Type") String contentType,
                                   @QueryParam("title") String title, @QueryParam("category") String category,
                                   @QueryParam("fileName") String fileName, byte[] content) {
        return created(documents.upload(caller.get(), patientId,
                new DocumentService.Upload(title, category, fileName, contentType, content)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "File a document (form upload)",
            description = "Parts: file (the document, with its content type), title, category.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    public Uni<Response> uploadDocumentForm(@PathParam("patientId") UUID patientId, @RestForm("file") FileUpload file,
                                    @RestForm("title") String title, @RestForm("category") String category) {
        if (file == null) {
            throw new ProblemException(ProblemType.VALIDATION, "The form has no file part.",
                    java.util.List.of(new Problem.FieldError("file", "must not be null")));
        }
        // the form's file was spooled to a temporary file by the HTTP layer: read it on a worker thread
        return Uni.createFrom().item(() -> {
                    try {
                        return Files.readAllBytes(file.uploadedFile());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .emitOn(contextExecutor())
                .chain(bytes -> created(documents.upload(caller.get(), patientId,
                        new DocumentService.Upload(title, category, file.fileName(), file.contentType(), bytes))));
    }

    @GET
    @Operation(summary = "A patient's documents", description = "Metadata, newest first. Audited once per list.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DocumentList.class)))
    public Uni<DocumentList> listDocuments(@PathParam("patientId") UUID patientId) {
        return documents.list(caller.get(), patientId)
                .map(found -> new DocumentList(found.stream().map(DocumentView::of).toList()));
    }

    private static Uni<Response> created(Uni<dev.medi.patient.document.Document> filed) {
        return filed.map(document -> Response.created(UriBuilder.fromPath("/api/v1/documents/{id}").build(document.id()))
                .entity(DocumentView.of(document)).build());
    }

    private static java.util.concurrent.Executor contextExecutor() {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
