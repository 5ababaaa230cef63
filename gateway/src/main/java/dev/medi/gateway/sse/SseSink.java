package dev.medi.gateway.sse;

import dev.medi.gateway.fanout.Frame;
import dev.medi.gateway.fanout.FrameSink;
import dev.medi.gateway.fanout.StreamEnd;
import io.vertx.core.http.HttpServerResponse;

import java.util.function.Consumer;

/** Frames to one {@code text/event-stream} response: {@code event:} = frame type, {@code id:}, {@code data:} = JSON. */
final class SseSink implements FrameSink {

    private final HttpServerResponse response;

    SseSink(HttpServerResponse response) {
        this.response = response;
    }

    /** One event; the JSON is a single line (Vert.x encodes compactly, line breaks inside strings are escaped). */
    static String format(Frame frame) {
        StringBuilder event = new StringBuilder(frame.json().length() + 64);
        event.append("event: ").append(frame.type()).append('\n');
        if (frame.id() != null) {
            event.append("id: ").append(frame.id()).append('\n');
        }
        return event.append("data: ").append(frame.json()).append("\n\n").toString();
    }

    @Override
    public void send(Frame frame, Consumer<Throwable> done) {
        try {
            response.write(format(frame)).onComplete(written -> done.accept(written.failed() ? written.cause() : null));
        } catch (IllegalStateException ended) {
            done.accept(ended); // the client went away between the check and the write
        }
    }

    @Override
    public void finish() {
        try {
            if (!response.ended() && !response.closed()) {
                response.end();
            }
        } catch (IllegalStateException alreadyEnded) {
            // nothing left to end
        }
    }

    /** The last event (token-expired, session-ended) is out; the client reconnects with a fresh token or signs in. */
    @Override
    public void end(StreamEnd why) {
        finish();
    }

    @Override
    public void closeTooSlow() {
        // Not end(): that would queue behind the unread frames. A reset drops the connection now.
        response.reset();
    }
}
