package dev.medi.gateway.websocket;

import dev.medi.gateway.fanout.Frame;
import dev.medi.gateway.fanout.FrameSink;
import dev.medi.gateway.fanout.StreamEnd;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

import java.util.function.Consumer;

/** Frames to one {@code /ws/queue} connection, as text messages. */
final class WebSocketSink implements FrameSink {

    /** 1008 (policy violation): the client broke the rule of reading its frames in time. */
    static final CloseReason TOO_SLOW = new CloseReason(1008, "too slow");

    private final WebSocketConnection connection;

    WebSocketSink(WebSocketConnection connection) {
        this.connection = connection;
    }

    @Override
    public void send(Frame frame, Consumer<Throwable> done) {
        connection.sendText(frame.json()).subscribe().with(sent -> done.accept(null), done);
    }

    @Override
    public void finish() {
        connection.close().subscribe().with(closed -> { }, failure -> { });
    }

    @Override
    public void closeTooSlow() {
        connection.close(TOO_SLOW).subscribe().with(closed -> { }, failure -> { });
    }

    @Override
    public void end(StreamEnd why) {
        connection.close(new CloseReason(why.closeCode(), why.closeReason())).subscribe().with(closed -> { }, failure -> { });
    }
}
