package dev.medi.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting and stopping the JVM child processes of the stack. */
final class ChildProcesses {

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static List<String> javaCommand(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        command.add("-D" + ParentWatchdog.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        return command;
    }

    /** Asks the process to stop (SIGTERM, so its shutdown hooks run), then kills it after {@code graceSeconds}. */
    static void stop(Process process, int graceSeconds) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private ChildProcesses() {
    }
}
