package dev.medi.gateway.fanout;

import java.util.function.Consumer;

/** Where one client's frames go: a WebSocket connection or an SSE response. */
public interface FrameSink {

    /**
     * Hands {@code frame} to the transport without waiting. {@code done} is called once the frame is
     * written to the socket ({@code null}) or could not be ({@code the failure}); while a client does not
     * read, that never happens, which is how a slow client is noticed.
     */
    void send(Frame frame, Consumer<Throwable> done);

    /** Ends the stream after the frames already sent (SSE: the client reconnects for a fresh snapshot). */
    void finish();

    /** Drops the client now, without waiting for what it has not read (WebSocket close 1008, SSE reset). */
    void closeTooSlow();

    /** Ends the stream after the frames already sent because its authorisation ended (WebSocket: close with the code of {@code why}). */
    void end(StreamEnd why);
}
