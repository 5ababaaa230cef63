package dev.medi.patient.service;

import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Runs blocking work (file and Cloud Storage I/O, PDF rendering with its font loading) on the worker pool, then
 * continues on the caller's Vert.x context, where Hibernate Reactive needs the next step to run. The event loop
 * serves every other request of the service and must never wait on a disk or the network.
 */
final class Offload {

    private Offload() {
    }

    static <T> Uni<T> blocking(Callable<T> work) {
        Context context = Vertx.currentContext();
        Executor back = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return Uni.createFrom().item(() -> {
                    try {
                        return work.call();
                    } catch (IOException e) {
                        Log.warnf("document storage failed: %s", e.toString()); // hashes and paths only
                        throw new StorageFailure();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(back);
    }

    /** Storage I/O failed: the client gets a 503 and may retry; the cause is logged, not shown. */
    static final class StorageFailure extends ProblemException {
        StorageFailure() {
            super(ProblemType.SERVICE_UNAVAILABLE, "The document storage is not available. Try again in a moment.");
        }
    }
}
