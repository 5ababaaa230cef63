package dev.medi.auth;

import dev.medi.platform.defaults.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A staff account: the aggregate root of auth-service. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] roles;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private UUID[] departments;

    @Column(nullable = false)
    private boolean active;

    @Column(nullable = false)
    private String theme;

    @Column(nullable = false)
    private String locale;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The TOTP secret, encrypted; {@code null} while the user has no second factor. */
    @Column(name = "totp_secret")
    private String totpSecret;

    /** A secret handed out for enrolment, active once the user proves it with a code. */
    @Column(name = "totp_pending_secret")
    private String totpPendingSecret;

    @Column(name = "totp_enabled_at")
    private Instant totpEnabledAt;

    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Version
    private long version;

    protected User() {
        // for Hibernate
    }

    public static User create(String username, String email, String displayName, String passwordHash,
                              Set<String> roles, Set<UUID> departments, Instant now) {
        User user = new User();
        user.id = TimeOrderedIds.next();
        user.username = normalise(username);
        user.email = normalise(email);
        user.displayName = Objects.requireNonNull(displayName).strip();
        user.passwordHash = Objects.requireNonNull(passwordHash);
        user.roles = roles.stream().sorted().toArray(String[]::new);
        user.departments = departments.stream().sorted().toArray(UUID[]::new);
        user.active = true;
        user.theme = "system";
        user.locale = "en";
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    /** User names and e-mail addresses compare case-insensitively: stored lower-cased. */
    public static String normalise(String value) {
        return Objects.requireNonNull(value).strip().toLowerCase(Locale.ROOT);
    }

    /** Admin changes; {@code null} leaves a field as it is. */
    public void update(String newEmail, String newDisplayName, Set<String> newRoles, Set<UUID> newDepartments,
                       Instant now) {
        if (newEmail != null) {
            email = normalise(newEmail);
        }
        if (newDisplayName != null) {
            displayName = newDisplayName.strip();
        }
        if (newRoles != null) {
            roles = newRoles.stream().sorted().toArray(String[]::new);
        }
        if (newDepartments != null) {
            departments = newDepartments.stream().sorted().toArray(UUID[]::new);
        }
        updatedAt = now;
    }

    /** A disabled account cannot sign in or refresh; nothing is deleted (the audit trail refers to it). */
    public void setActive(boolean isActive, Instant now) {
        active = isActive;
        updatedAt = now;
    }

    public void changePassword(String newHash, Instant now) {
        passwordHash = Objects.requireNonNull(newHash);
        updatedAt = now;
    }

    public void setPreferences(String newTheme, String newLocale, Instant now) {
        if (newTheme != null) {
            theme = newTheme;
        }
        if (newLocale != null) {
            locale = newLocale;
        }
        updatedAt = now;
    }

    /** Starts (or restarts) enrolment; the active factor, if any, stays until the new one is confirmed. */
    public void startTotpEnrolment(String encryptedSecret, Instant now) {
        totpPendingSecret = Objects.requireNonNull(encryptedSecret);
        updatedAt = now;
    }

    /** Makes the pending secret the active one; {@code step} is the time step the user proved it with. */
    public void confirmTotp(long step, Instant now) {
        if (totpPendingSecret == null) {
            throw new IllegalStateException("no enrolment in progress");
        }
        totpSecret = totpPendingSecret;
        totpPendingSecret = null;
        totpEnabledAt = now;
        totpLastStep = step;
        updatedAt = now;
    }

    public void disableTotp(Instant now) {
        totpSecret = null;
        totpPendingSecret = null;
        totpEnabledAt = null;
        totpLastStep = null;
        updatedAt = now;
    }

    /**
     * Records a code's time step as used. A step at or before the last accepted one is refused: a code
     * seen by someone else (shoulder, proxy log) cannot be replayed (RFC 6238 section 5.2).
     */
    public boolean acceptTotpStep(long step) {
        if (totpLastStep != null && step <= totpLastStep) {
            return false;
        }
        totpLastStep = step;
        return true;
    }

    public boolean totpEnabled() {
        return totpSecret != null;
    }

    public String totpSecret() {
        return totpSecret;
    }

    public String totpPendingSecret() {
        return totpPendingSecret;
    }

    public Instant totpEnabledAt() {
        return totpEnabledAt;
    }

    public UUID id() {
        return id;
    }

    public String theme() {
        return theme;
    }

    public String locale() {
        return locale;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public List<String> roles() {
        return List.of(roles);
    }

    public List<UUID> departments() {
        return Arrays.asList(departments);
    }

    public boolean active() {
        return active;
    }
}
