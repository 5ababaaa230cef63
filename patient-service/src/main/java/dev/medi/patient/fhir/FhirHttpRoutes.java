package dev.medi.patient.fhir;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * FHIR errors for what happens on {@code /fhir/r4} before {@link FhirResource} runs. The platform's
 * {@code HttpDefaults} answers such failures with problem+json; FHIR clients expect an OperationOutcome:
 *
 * <ul>
 *   <li>a failure handler ahead of the platform's (same order {@code Integer.MIN_VALUE}; routes of equal order
 *       run in registration order, and this observer is notified before HttpDefaults' by its lower
 *       {@code @Priority}) turns a token rejected by the HTTP security layer (proactive authentication fails the request
 *       with {@link AuthenticationFailedException} after the bearer mechanism set 401) and any other failure of a
 *       FHIR request into an OperationOutcome;</li>
 *   <li>a request handler before authentication answers methods other than GET/HEAD/OPTIONS with 405: the API is
 *       read-only, and JAX-RS would otherwise raise its 405 outside this package's exception mappers.</li>
 * </ul>
 */
@Singleton
class FhirHttpRoutes {

    /** After the platform's request id (-1000) and body limit (-999), before authentication (-200). */
    static final int METHOD_CHECK_ORDER = -900;

    private final FhirR4 fhir;

    FhirHttpRoutes(FhirR4 fhir) {
        this.fhir = fhir;
    }

    // APPLICATION (2000) < the default observer priority (2500) of HttpDefaults: this failure handler is added first.
    void install(@Observes @Priority(Interceptor.Priority.APPLICATION) Router router) {
        router.route().order(METHOD_CHECK_ORDER).handler(this::readOnly);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    static boolean isFhir(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return path.equals(FhirResource.BASE_PATH) || path.startsWith(FhirResource.BASE_PATH + "/");
    }

    void readOnly(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (!isFhir(ctx) || method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
        end(ctx, 405, IssueType.NOTSUPPORTED, OperationOutcomes.standardDiagnostics(405));
    }

    void failure(RoutingContext ctx) {
        if (!isFhir(ctx)) {
            ctx.next();
            return;
        }
        Throwable failure = ctx.failure();
        int status;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            status = 401;
        } else if (failure instanceof ForbiddenException) {
            status = 403;
        } else if (failure == null && ctx.statusCode() >= 400) {
            status = ctx.statusCode();
        } else {
            StackTraceElement origin = failure == null || failure.getStackTrace().length == 0 ? null : failure.getStackTrace()[0];
            Log.errorf("unhandled %s at %s on a FHIR request", failure == null ? "failure" : failure.getClass().getName(), origin);
            status = 500;
        }
        end(ctx, status, OperationOutcomes.forStatus(status), OperationOutcomes.standardDiagnostics(status));
    }

    private void end(RoutingContext ctx, int status, IssueType code, String diagnostics) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        FhirFormat format = FhirFormat.lenient(ctx.request().getParam("_format"), ctx.request().getHeader(HttpHeaders.ACCEPT));
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, format.contentType());
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(fhir.encode(OperationOutcomes.error(code, diagnostics), false));
    }
}
