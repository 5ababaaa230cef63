package dev.medi.gateway.sse;

import dev.medi.gateway.fanout.QueueFanOut;
import dev.medi.gateway.fanout.QueueSubscriber;
import dev.medi.gateway.fanout.StreamToken;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

import java.util.UUID;

/** Starting an SSE response and tying its client's life to the connection. */
final class EventStreams {

    /** Browsers' EventSource waits this long before reconnecting after the stream ended. */
    static final long RETRY_MILLIS = 3000;

    /** {@code token} for staff streams, {@code address} (admitted) for boards; the other {@code null}. */
    static QueueSubscriber start(HttpServerResponse response, QueueFanOut fanOut, QueueSubscriber.Kind kind,
                                 StreamToken token, String address) {
        response.setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                // a buffering reverse proxy in front (nginx) would hold the events back
                .putHeader("X-Accel-Buffering", "no");
        // Sends the headers at once, so the client sees the stream open before the first snapshot.
        response.write("retry: " + RETRY_MILLIS + "\n\n");
        QueueSubscriber subscriber = fanOut.open(UUID.randomUUID().toString(), kind, new SseSink(response), token, address);
        response.closeHandler(closed -> fanOut.close(subscriber));
        response.endHandler(ended -> fanOut.close(subscriber));
        if (response.closed()) {
            fanOut.close(subscriber); // went away before the handlers were in place
        }
        return subscriber;
    }

    private EventStreams() {
    }
}
