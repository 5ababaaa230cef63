package dev.medi.devstack;

import java.util.Optional;

/**
 * Ends a child process when the process that started it is gone, even after a {@code kill -9} of the
 * parent, so a crashed local run or test JVM never leaves a broker or a service behind.
 * Uses only the JDK: it also runs inside the Kafka broker's JVM.
 */
public final class ParentWatchdog {

    /** System property naming the pid to watch. */
    public static final String PARENT_PID_PROPERTY = "medi.parent-pid";

    /** Calls {@code onParentGone} once the process {@code parentPid} has exited. */
    public static void watch(long parentPid, Runnable onParentGone) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            onParentGone.run();
            return;
        }
        // onExit() polls on its own daemon thread for processes that are not our children.
        parent.get().onExit().thenRun(onParentGone);
    }

    private ParentWatchdog() {
    }
}
