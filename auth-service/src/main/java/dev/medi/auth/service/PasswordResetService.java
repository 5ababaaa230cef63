package dev.medi.auth.service;

import dev.medi.auth.PasswordResetToken;
import dev.medi.auth.RefreshSession.EndReason;
import dev.medi.auth.User;
import dev.medi.auth.config.AuthConfig;
import dev.medi.auth.repository.PasswordResetTokenRepository;
import dev.medi.auth.repository.UserRepository;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.outbox.AuditTrail;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Password reset by e-mail (OWASP ASVS V6.4): a single-use, hashed, 30-minute token sent to the account's
 * address; setting the new password ends every session. Requests are answered the same way whether the
 * address exists or not, and the mail goes out after the answer, so timing tells nothing either.
 */
@ApplicationScoped
public class PasswordResetService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVALID = "The reset link is invalid, used or expired. Ask for a new one.";

    private final UserRepository users;
    private final PasswordResetTokenRepository resets;
    private final PasswordHasher hasher;
    private final UserService accounts;
    private final MailDelivery mailer;
    private final AuditTrail audit;
    private final AuthConfig config;
    private final LoginThrottle throttle;
    private final SessionRevocations revocations;
    private final Clock clock = Clock.systemUTC();

    PasswordResetService(UserRepository users, PasswordResetTokenRepository resets,
                         PasswordHasher hasher, UserService accounts, MailDelivery mailer, AuditTrail audit,
                         AuthConfig config, LoginThrottle throttle,
                         SessionRevocations revocations) {
        this.revocations = revocations;
        this.throttle = throttle;
        this.users = users;
        this.resets = resets;
        this.hasher = hasher;
        this.accounts = accounts;
        this.mailer = mailer;
        this.audit = audit;
        this.config = config;
    }

    /** Completes once the request is recorded; the mail, if any, is sent in the background after the commit. */
    public Uni<Void> request(String email, String address) {
        Instant now = clock.instant();
        String token = newToken();
        return Panache.withTransaction(() -> throttle.passwordResetRequested(email, address, now)
                        .chain(() -> users.find("email", User.normalise(email)).<User>firstResult())
                        .call(user -> user == null || !user.active() ? Uni.createFrom().voidItem()
                                : resets.persist(PasswordResetToken.issue(AuthService.sha256(token), user.id(), now,
                                        config.passwordReset().validity()))))
                .invoke(user -> {
                    if (user != null && user.active()) {
                        sendInBackground(user, token);
                    }
                })
                .replaceWithVoid();
    }

    /** An admin forces a reset: the account's sessions end now and a reset link goes to its address. */
    public Uni<Void> force(Caller admin, UUID userId) {
        Instant now = clock.instant();
        String token = newToken();
        return Panache.withTransaction(() -> users.findById(userId).flatMap(user -> {
                    if (user == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "No such account.");
                    }
                    return revocations.revokeOpen(user.id(), null, EndReason.PASSWORD_RESET, now)
                            .call(() -> resets.persist(PasswordResetToken.issue(AuthService.sha256(token), user.id(), now,
                                    config.passwordReset().validity())))
                            .call(() -> audit.record(admin.username(), List.copyOf(admin.roles()),
                                    "user.password.force-reset", "user", user.id().toString(), "success"))
                            .replaceWith(user);
                }))
                .invoke(user -> sendInBackground(user, token)) // after commit: no mail for a rolled-back reset
                .replaceWithVoid();
    }

    /** Sets the new password if the token is usable; the token is spent and every session ends. */
    public Uni<Void> confirm(String token, String newPassword) {
        String hash = AuthService.sha256(token);
        return Panache.withSession(() -> resets.findById(hash).flatMap(reset -> {
                    if (reset == null || !reset.usableAt(clock.instant())) {
                        throw new ProblemException(ProblemType.VALIDATION, INVALID);
                    }
                    return users.findById(reset.userId());
                }))
                .flatMap(user -> {
                    accounts.requireAcceptable(newPassword, user.username(), "newPassword");
                    return hasher.hash(newPassword).map(passwordHash -> new NewPassword(user.id(), passwordHash));
                })
                .flatMap(found -> {
                    Instant now = clock.instant();
                    UUID userId = found.userId();
                    return Panache.withTransaction(() -> resets.findForUpdate(hash).flatMap(reset -> {
                        if (reset == null || !reset.usableAt(now)) {
                            throw new ProblemException(ProblemType.VALIDATION, INVALID);
                        }
                        reset.use(now);
                        return users.findById(userId)
                                .invoke(user -> user.changePassword(found.hash(), now))
                                .call(user -> revocations.revokeOpen(userId, null, EndReason.PASSWORD_RESET, now))
                                .call(user -> audit.record(user.username(), user.roles(), "user.password.reset", "user",
                                        userId.toString(), "success"))
                                .replaceWithVoid();
                    }));
                });
    }

    private record NewPassword(UUID userId, String hash) {
    }

    private void sendInBackground(User user, String token) {
        String link = config.passwordReset().link() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        Mail mail = Mail.withText(user.email(), "Reset your Medi OS password", """
                Someone asked to reset the password of your Medi OS account %s.

                To choose a new password, open this link within %d minutes:
                %s

                If it was not you, ignore this mail: your password stays as it is.
                """.formatted(user.username(), config.passwordReset().validity().toMinutes(), link));
        mailer.send(mail).subscribe().with(
                sent -> Log.infof("password reset mail sent for user %s", user.id()),
                failure -> Log.warnf("password reset mail for user %s failed: %s", user.id(),
                        failure.getClass().getSimpleName()));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
