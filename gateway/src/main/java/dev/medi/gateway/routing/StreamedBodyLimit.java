package dev.medi.gateway.routing;

import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The body limit for bodies of unknown length (chunked): the declared-length check (HttpDefaults) cannot see
 * them and the proxy streams them, so the bytes are counted on their way to the service. Past the limit the
 * stream to the service is cut and the client gets 413 problem+json instead of the 502 the cut would cause.
 * Added first to the proxy, so it sees the outcome after every other interceptor.
 */
final class StreamedBodyLimit implements ProxyInterceptor {

    private static final String EXCEEDED = "medi.body-limit-exceeded";

    private final long limit;

    StreamedBodyLimit(long limit) {
        this.limit = limit;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        Body body = context.request().getBody();
        if (body == null || body.length() >= 0) {
            return context.sendRequest(); // declared length: checked before the proxy
        }
        context.request().setBody(Body.body(new Counted(body.stream(), limit, () -> context.set(EXCEEDED, Boolean.TRUE))));
        return context.sendRequest().transform(outcome -> {
            if (!Boolean.TRUE.equals(context.get(EXCEEDED, Boolean.class))) {
                return outcome.succeeded() ? Future.succeededFuture(outcome.result()) : Future.failedFuture(outcome.cause());
            }
            if (outcome.succeeded()) {
                outcome.result().release();
            }
            ProxyResponse response = context.request().response();
            var problem = ProblemResponses.problem(ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + limit / 1024 + " KiB.", context.request().proxiedRequest(), null);
            response.setStatusCode(ProblemType.PAYLOAD_TOO_LARGE.status());
            response.headers().clear();
            response.putHeader("Content-Type", "application/problem+json");
            // the rest of the body is not read: end the connection after the answer
            response.putHeader("Connection", "close");
            response.setBody(Body.body(Buffer.buffer(Json.encode(problem))));
            return Future.succeededFuture(response);
        });
    }

    /** Passes buffers on until {@code limit} bytes have gone by, then fails the stream (the upstream request is reset). */
    static final class Counted implements ReadStream<Buffer> {
        private final ReadStream<Buffer> source;
        private final long limit;
        private final Runnable onExceeded;
        private long seen;
        private boolean exceeded;
        private Handler<Throwable> exceptionHandler;
        private Handler<Void> endHandler;

        Counted(ReadStream<Buffer> source, long limit, Runnable onExceeded) {
            this.source = source;
            this.limit = limit;
            this.onExceeded = onExceeded;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            this.exceptionHandler = handler;
            source.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (handler == null) {
                source.handler(null);
                return this;
            }
            source.handler(buffer -> {
                if (exceeded) {
                    return;
                }
                seen += buffer.length();
                if (seen > limit) {
                    exceeded = true;
                    onExceeded.run();
                    source.handler(null);
                    source.endHandler(null);
                    if (exceptionHandler != null) {
                        exceptionHandler.handle(new IllegalStateException("request body over the limit"));
                    }
                    return;
                }
                handler.handle(buffer);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            source.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            source.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> handler) {
            this.endHandler = handler;
            source.endHandler(ignored -> {
                if (!exceeded && endHandler != null) {
                    endHandler.handle(null);
                }
            });
            return this;
        }
    }
}
