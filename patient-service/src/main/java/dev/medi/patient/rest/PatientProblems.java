package dev.medi.patient.rest;

import dev.medi.patient.record.PatientStateException;
import dev.medi.patient.service.PossibleDuplicateException;
import dev.medi.patient.service.RecordGoneException;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.RequestIds;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * Problems specific to patient records. The two new problem types belong in platform/service-defaults'
 * {@code ProblemType} (kept here until that module is changed): {@code possible-duplicate} (409, with
 * candidates) and {@code entered-in-error} (410).
 */
public class PatientProblems {

    public static final URI POSSIBLE_DUPLICATE = URI.create(ProblemType.BASE + "possible-duplicate");
    public static final URI ENTERED_IN_ERROR = URI.create(ProblemType.BASE + "entered-in-error");

    @ServerExceptionMapper
    public Response possibleDuplicate(PossibleDuplicateException e, HttpServerRequest request) {
        DuplicateWarning body = new DuplicateWarning(POSSIBLE_DUPLICATE, "Possible duplicate patient", 409,
                "Patients with the same birth date and a similar name, or the same phone number, exist. Check them; "
                        + "to register a new patient anyway, send the request again with force=true.",
                request.path(), request.getHeader(RequestIds.HEADER),
                e.candidates().stream().map(DuplicateWarning.Candidate::of).toList());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response gone(RecordGoneException e, HttpServerRequest request) {
        return ProblemResponses.response(410, new Problem(ENTERED_IN_ERROR, "Record entered in error", 410,
                e.getMessage(), request.path(), request.getHeader(RequestIds.HEADER), null));
    }

    @ServerExceptionMapper
    public Response state(PatientStateException e, HttpServerRequest request) {
        return ProblemResponses.response(ProblemType.CONFLICT, e.getMessage(), request, null);
    }
}
