package dev.medi.auth.config;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Token, session, key and hashing settings of auth-service. */
@ConfigMapping(prefix = "medi.auth")
public interface AuthConfig {

    /** {@code iss} of every token; services check it ({@code mp.jwt.verify.issuer}). */
    String issuer();

    /** {@code aud} of every token; services check it ({@code mp.jwt.verify.audiences}). */
    String audience();

    /** Lifetime of an access token: at most 10 minutes. */
    Duration accessTokenTtl();

    /** A session not refreshed for this long is over (HIPAA automatic logoff). */
    Duration sessionIdleTimeout();

    /** A session ends this long after login, refreshed or not. */
    Duration sessionAbsoluteLifetime();

    RefreshCookie refreshCookie();

    Keys keys();

    Argon2 argon2();

    Hashing hashing();

    Throttle throttle();

    PasswordReset passwordReset();

    interface PasswordReset {
        /** How long a reset link works. */
        Duration validity();

        /** The page of the web app that takes {@code ?token=}; the mail links to it. */
        String link();
    }

    Mail mail();

    interface Mail {
        /**
         * Local run: mails are written here, one {@code .eml} file per message, instead of being sent (there is
         * no mail server) and never to the log. Unset in production (SMTP through {@code quarkus.mailer.*}).
         */
        Optional<Path> mailboxDirectory();
    }

    SecondFactor secondFactor();

    /** TOTP (RFC 6238) as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. */
    interface SecondFactor {
        /** Shown in the authenticator app next to the user name. */
        String issuerName();

        /** Steps either side of now that still count, for clock drift between phone and server. */
        int allowedDriftSteps();

        /** AES key (Base64, 256 bits) that encrypts the stored secrets, given inline (secret store) or as a file. */
        Optional<String> encryptionKey();

        Optional<Path> encryptionKeyLocation();

        /** Local run and tests only: create the key file if it does not exist yet. */
        boolean createMissingKey();
    }

    /** Seed one demo account per role (local run only). */
    boolean demoUsers();

    /** Departments the demo accounts work in. */
    java.util.List<java.util.UUID> demoDepartments();

    interface RefreshCookie {
        String name();

        String path();
    }

    /** Signing keys as PKCS#8 PEM, given inline (from the secret store) or as a file. */
    interface Keys {
        Optional<String> current();

        Optional<Path> currentLocation();

        /** Published in the JWKS before it starts signing, so verifiers already know it at rotation. */
        Optional<String> next();

        Optional<Path> nextLocation();

        /** Still published after a rotation, for the lifetime of the tokens it signed (10 minutes). */
        Optional<String> previous();

        Optional<Path> previousLocation();
    }

    interface Argon2 {
        int memoryKib();

        int iterations();

        int parallelism();
    }

    /** Sign-in throttling per account and client address, per account and per address (ADR 0009). */
    interface Throttle {
        /** Failures count within this window, then start over. */
        Duration window();

        /** Failures of one account from one client address: guessing one account. */
        int accountAddressFreeFailures();

        /** Failures of one account from any address: a guess spread over many addresses. */
        int accountFreeFailures();

        /** Failures from one address for any account: spraying a password over many accounts. */
        int addressFreeFailures();

        /** Password-reset requests for one e-mail address within the window before they are refused. */
        int resetFreeRequests();

        /** The longest a key is refused at a time: throttling slows attackers down, it never locks out. */
        Duration maxBlock();
    }

    interface Hashing {
        /** Threads that hash passwords; hashing is CPU-bound and memory-hungry, so few. */
        int threads();

        /** Logins waiting for a hashing thread before new ones are refused with 503. */
        int queue();
    }
}
