package dev.medi.gateway.support;

import dev.medi.devstack.DevTokens;
import dev.medi.platform.events.EventSources;
import dev.medi.platform.events.EventTypes;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.TestTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Access tokens of a sign-in session, as auth-service issues them (with {@code sid}), and auth-service's events
 * about sessions and accounts, published to the real topic exactly as its outbox relay does: CloudEvents binary
 * mode, key = user id, the data auth-service writes ({@code SessionRevocations}, {@code UserService}).
 */
public final class AuthEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));

    /** A nurse's access token in session {@code sessionId}, expiring {@code ttl} from now (may be negative: expired). */
    public static String token(String username, String sessionId, List<UUID> departments, Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(DevTokens.ISSUER);
        claims.setAudience(DevTokens.AUDIENCE);
        claims.setSubject(DevTokens.userId(username));
        claims.setClaim("upn", username);
        claims.setStringListClaim("groups", List.of("nurse"));
        claims.setStringListClaim("departments", departments.stream().map(UUID::toString).toList());
        claims.setClaim("sid", sessionId);
        long now = Instant.now().getEpochSecond();
        claims.setIssuedAt(NumericDate.fromSeconds(Math.min(now, now + ttl.toSeconds() - 1)));
        claims.setExpirationTime(NumericDate.fromSeconds(now + ttl.toSeconds()));
        claims.setGeneratedJwtId();
        return TestTokens.tokens().sign(claims);
    }

    /** The token's {@code exp} (read without verifying: the test signed it). */
    public static Instant expiryOf(String token) {
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        return Instant.ofEpochSecond(claims.getLong("exp"));
    }

    /** A fresh user name, so that tests never share a user. */
    public static String newUser() {
        return "nurse." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code medi.auth.session.revoked.v1}: sign-out, as auth-service announces it. */
    public void sessionRevoked(String username, String sessionId) {
        String userId = DevTokens.userId(username);
        send(userId, EventTypes.AUTH_SESSION_REVOKED, sessionId, new JsonObject().put("sessionId", sessionId)
                .put("userId", userId).put("reason", "LOGOUT").put("at", Instant.now().toString()));
    }

    /** {@code medi.auth.user.disabled.v1}: an admin disabled the account. */
    public void userDisabled(String username) {
        String userId = DevTokens.userId(username);
        send(userId, EventTypes.AUTH_USER_DISABLED, userId, new JsonObject().put("userId", userId)
                .put("roles", new JsonArray().add("nurse")).put("departments", new JsonArray()).put("active", false));
    }

    private void send(String key, String type, String subject, JsonObject data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.AUTH_EVENTS, key, data.encode());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", EventSources.AUTH_SERVICE);
        header(record, "ce_subject", subject);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish an auth event", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
