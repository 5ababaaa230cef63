package dev.medi.gateway.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.gateway.fanout.QueueFanOut;
import dev.medi.platform.events.AuthEvents;
import dev.medi.platform.events.AuthSessionRevoked;
import dev.medi.platform.events.AuthUserSnapshot;
import dev.medi.platform.events.EventType;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Ends the live streams of a session that auth-service revoked ({@code medi.auth.session.revoked.v1}: sign-out,
 * reuse of a rotated refresh token, password change or reset, second-factor reset, disabled account) and of
 * a user it disabled ({@code medi.auth.user.disabled.v1}), within the consumer's poll of the event. Every
 * replica reads every event (a group of its own), from {@code revocation-memory} back ({@link AuthEventsPosition}).
 * The data is read into the catalogue's records ({@link AuthEvents}), tolerantly: fields added later are ignored.
 * The gateway has no database, so no inbox: ending a stream twice is harmless.
 */
@ApplicationScoped
public class AuthEventsConsumer {

    private final QueueFanOut fanOut;
    private final ObjectMapper json;

    AuthEventsConsumer(QueueFanOut fanOut, ObjectMapper json) {
        this.fanOut = fanOut;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Incoming("auth-events")
    public CompletionStage<Void> onEvent(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        if (cloudEvent == null) {
            Log.warn("auth event without CloudEvent headers skipped");
            return message.ack();
        }
        try {
            String type = cloudEvent.getType();
            if (AuthEvents.SESSION_REVOKED.type().equals(type)) {
                AuthSessionRevoked revoked = read(AuthEvents.SESSION_REVOKED, message.getPayload());
                if (revoked != null && revoked.sessionId() != null) {
                    fanOut.sessionRevoked(revoked.sessionId().toString());
                }
            } else if (AuthEvents.USER_DISABLED.type().equals(type)) {
                AuthUserSnapshot disabled = read(AuthEvents.USER_DISABLED, message.getPayload());
                if (disabled != null && disabled.userId() != null) {
                    Instant at = cloudEvent.getTimeStamp().map(time -> time.toInstant()).orElseGet(Instant::now);
                    fanOut.userDisabled(disabled.userId().toString(), at);
                }
            }
            // logins, account changes: nothing to end
        } catch (IOException | IllegalArgumentException e) {
            // logged by id only, never by content
            Log.warnf("unreadable auth event %s skipped (%s)", cloudEvent.getId(), e.getClass().getSimpleName());
        }
        return message.ack();
    }

    private <T> T read(EventType<T> type, String payload) throws IOException {
        return payload == null ? null : json.readValue(payload, type.dataType());
    }
}
