package dev.medi.platform.defaults;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * When started by the local devstack ({@code medi.parent-pid} set), exits as soon as the devstack is gone,
 * even after a {@code kill -9} of it: a crashed local run leaves no service running. Off otherwise.
 */
@Singleton
public class ParentProcessWatchdog {

    void onStart(@Observes StartupEvent event, @ConfigProperty(name = "medi.parent-pid") Optional<Long> parentPid) {
        parentPid.ifPresent(pid -> {
            Optional<ProcessHandle> parent = ProcessHandle.of(pid);
            if (parent.isEmpty()) {
                Log.warnf("parent process %d is gone already: exiting", pid);
                Quarkus.asyncExit();
                return;
            }
            parent.get().onExit().thenRun(() -> {
                Log.warnf("parent process %d exited: shutting down", pid);
                Quarkus.asyncExit();
            });
        });
    }
}
