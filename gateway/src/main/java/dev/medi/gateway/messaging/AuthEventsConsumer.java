package dev.medi.gateway.messaging;

import dev.medi.gateway.fanout.QueueFanOut;
import dev.medi.platform.events.EventTypes;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Ends the live streams of a session that auth-service revoked ({@code medi.auth.session.revoked.v1}: sign-out,
 * reuse of a rotated refresh token, password change or reset, second-factor reset, disabled account) and of
 * a user it disabled ({@code medi.auth.user.disabled.v1}), within the consumer's poll of the event. Every
 * replica reads every event (a group of its own), from {@code revocation-memory} back ({@link AuthEventsPosition}).
 */
@ApplicationScoped
public class AuthEventsConsumer {

    private final QueueFanOut fanOut;

    AuthEventsConsumer(QueueFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Incoming("auth-events")
    public CompletionStage<Void> onEvent(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        if (cloudEvent == null) {
            Log.warn("auth event without CloudEvent headers skipped");
            return message.ack();
        }
        try {
            switch (cloudEvent.getType()) {
                case EventTypes.AUTH_SESSION_REVOKED -> {
                    String sessionId = new JsonObject(message.getPayload()).getString("sessionId");
                    if (sessionId != null) {
                        fanOut.sessionRevoked(sessionId);
                    }
                }
                case EventTypes.AUTH_USER_DISABLED -> {
                    String userId = new JsonObject(message.getPayload()).getString("userId");
                    if (userId != null) {
                        Instant at = cloudEvent.getTimeStamp().map(time -> time.toInstant()).orElseGet(Instant::now);
                        fanOut.userDisabled(userId, at);
                    }
                }
                default -> {
                    // logins, account changes: nothing to end
                }
            }
        } catch (DecodeException | ClassCastException e) {
            // logged by id only, never by content
            Log.warnf("unreadable auth event %s skipped (%s)", cloudEvent.getId(), e.getClass().getSimpleName());
        }
        return message.ack();
    }
}
