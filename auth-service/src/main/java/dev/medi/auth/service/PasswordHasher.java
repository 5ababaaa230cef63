package dev.medi.auth.service;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.medi.auth.config.AuthConfig;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Argon2id password hashing (OWASP: m=19 MiB, t=2, p=1 or stronger). Hashing is deliberately slow and
 * memory-hungry, so it runs on a small pool of its own, never on the event loop, with a bounded queue:
 * a flood of logins is refused (503) instead of exhausting memory.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Argon2Function argon2;
    private final ThreadPoolExecutor pool;
    // Verifying against this keeps an unknown user name as slow as a wrong password (no user enumeration).
    private final String decoyHash;

    PasswordHasher(AuthConfig config) {
        this.argon2 = Argon2Function.getInstance(config.argon2().memoryKib(), config.argon2().iterations(),
                config.argon2().parallelism(), 32, Argon2.ID);
        this.pool = new ThreadPoolExecutor(config.hashing().threads(), config.hashing().threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.hashing().queue()), PasswordHasher::newThread,
                new ThreadPoolExecutor.AbortPolicy());
        this.decoyHash = Password.hash("decoy password for timing").addRandomSalt(16).with(argon2).getResult();
    }

    /** The PHC-format hash ({@code $argon2id$v=19$m=19456,t=2,p=1$…}) of {@code password}. */
    public Uni<String> hash(String password) {
        return offload(() -> Password.hash(password).addRandomSalt(16).with(argon2).getResult());
    }

    /** Whether {@code password} matches {@code hash}; a {@code null} hash is checked against a decoy. */
    public Uni<Boolean> verify(String password, String hash) {
        return offload(() -> {
            boolean matches = Password.check(password, hash == null ? decoyHash : hash)
                    .with(Argon2Function.getInstanceFromHash(hash == null ? decoyHash : hash));
            return hash != null && matches;
        });
    }

    /** Runs on the hashing pool, then continues on the caller's Vert.x context (Hibernate Reactive needs it). */
    private <T> Uni<T> offload(java.util.function.Supplier<T> work) {
        Context context = Vertx.currentContext();
        Executor back = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return Uni.createFrom().item(work)
                .runSubscriptionOn(pool)
                .emitOn(back)
                .onFailure(RejectedExecutionException.class).transform(e -> new ProblemException(
                        ProblemType.SERVICE_UNAVAILABLE, "Too many sign-ins at once. Try again in a moment."));
    }

    private static final java.util.concurrent.atomic.AtomicInteger THREADS = new java.util.concurrent.atomic.AtomicInteger();

    private static Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "password-hashing-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    @PreDestroy
    void shutdown() {
        pool.shutdown();
    }
}
