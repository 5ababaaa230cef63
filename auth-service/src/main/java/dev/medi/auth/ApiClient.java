package dev.medi.auth;

import dev.medi.platform.defaults.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A hospital system allowed to call the API with its own credentials and scopes. */
@Entity
@Table(name = "api_clients")
public class ApiClient {

    /** Scopes a client may hold. */
    public static final Set<String> SCOPES = Set.of("patient.read", "patient.write", "queue.read", "queue.write");

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, unique = true, updatable = false)
    private String clientId;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] scopes;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    private long version;

    protected ApiClient() {
        // for Hibernate
    }

    public static ApiClient register(String clientId, String name, String secretHash, Set<String> scopes,
                                     String createdBy, Instant now) {
        ApiClient client = new ApiClient();
        client.id = TimeOrderedIds.next();
        client.clientId = clientId;
        client.name = name.strip();
        client.secretHash = secretHash;
        client.scopes = scopes.stream().sorted().toArray(String[]::new);
        client.active = true;
        client.createdAt = now;
        client.createdBy = createdBy;
        return client;
    }

    /** Constant-time comparison, so response timing reveals nothing about the stored hash. */
    public boolean secretMatches(String presentedHash) {
        return MessageDigest.isEqual(secretHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                presentedHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public void setActive(boolean isActive) {
        active = isActive;
    }

    public UUID id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String name() {
        return name;
    }

    public List<String> scopes() {
        return List.of(scopes);
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
