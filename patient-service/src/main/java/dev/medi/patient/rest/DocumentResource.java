package dev.medi.patient.rest;

import dev.medi.patient.service.DocumentService;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** One document: metadata, content download, entered in error. */
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.DOCTOR, Roles.ADMIN})
@Tag(name = "Documents")
@SecurityRequirement(name = "jwt")
public class DocumentResource {

    private final DocumentService documents;
    private final CurrentCaller caller;

    DocumentResource(DocumentService documents, CurrentCaller caller) {
        this.documents = documents;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A document's metadata")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "410", description = "Entered in error (admins still get 200)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DocumentView> getDocument(@PathParam("id") UUID id) {
        return documents.get(caller.get(), id).map(DocumentView::of);
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a document",
            description = "The file with its stored Content-Type, as an attachment. ETag = SHA-256 of the content; "
                    + "If-None-Match with it answers 304. Audited as document.download.")
    @APIResponse(responseCode = "200", description = "The file")
    public Uni<Response> documentContent(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        String cached = ifNoneMatch == null ? null : ifNoneMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        return documents.content(caller.get(), id, cached).map(content -> {
            EntityTag tag = new EntityTag(content.document().contentHash());
            if (content.bytes() == null) {
                return Response.notModified(tag).header("Cache-Control", "no-store").build();
            }
            return Response.ok(content.bytes(), content.document().contentType())
                    .tag(tag)
                    .header("Content-Disposition", disposition(content.document()))
                    // patient data: kept in no cache, the browser's included (ASVS V14.3); the ETag still lets an
                    // API client that kept the file ask whether it changed
                    .header("Cache-Control", "no-store")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        });
    }

    @POST
    @Path("/{id}/entered-in-error")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a document filed by mistake",
            description = "Clinical staff with access to the patient, and admins. Kept with the reason, never deleted.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "409", description = "Already entered in error",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DocumentView> documentEnteredInError(@PathParam("id") UUID id, @Valid @NotNull EnteredInErrorRequest request) {
        return documents.markEnteredInError(caller.get(), id, request.reason()).map(DocumentView::of);
    }

    /** RFC 6266: an ASCII fallback name plus the original name in UTF-8. */
    static String disposition(dev.medi.patient.document.Document document) {
        String extension = dev.medi.patient.document.DocumentContentType.ofMediaType(document.contentType())
                .map(dev.medi.patient.document.DocumentContentType::extension).orElse("bin");
        String fallback = "document-" + document.id() + "." + extension;
        if (document.fileName() == null) {
            return "attachment; filename=\"" + fallback + "\"";
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''"
                + URLEncoder.encode(document.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
