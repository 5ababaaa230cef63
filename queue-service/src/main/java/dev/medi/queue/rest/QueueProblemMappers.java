package dev.medi.queue.rest;

import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.queue.IllegalTransitionException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain refusals as problems: an illegal status change is a conflict with the entry's current state. */
public class QueueProblemMappers {

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, HttpServerRequest request) {
        return ProblemResponses.response(ProblemType.CONFLICT, e.getMessage(), request, null);
    }
}
