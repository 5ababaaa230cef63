package dev.medi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One packaged Quarkus service running as a child JVM. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final MediService service;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path logFile;

    private ServiceProcess(MediService service, Process process, int port, int managementPort, Path logFile) {
        this.service = service;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
    }

    /**
     * Starts {@code service} from its runner jar with {@code config} as system properties.
     *
     * @param profile        Quarkus profile ({@code dev} for the local run, {@code prod} to test the real packaging)
     * @param managementPort port of the management interface (health, metrics, OpenAPI)
     */
    public static ServiceProcess start(MediService service, Path runnerJar, String profile, int port, int managementPort,
                                       Map<String, String> config, Path logFile) {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalStateException(runnerJar + " is missing: build the project first (./mvnw package)");
        }
        List<String> command = ChildProcesses.javaCommand(List.of("-Xms64m", "-Xmx384m"));
        command.add("-Dquarkus.profile=" + profile);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(runnerJar.toString());
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile())).start();
            return new ServiceProcess(service, process, port, managementPort, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.module(), e);
        }
    }

    /** Waits until {@code /q/health/ready} on the management interface answers 200 (database and broker reachable). */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with " + process.exitValue()
                        + ", see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(service.module() + " not ready after " + timeout + ", see " + logFile);
            }
            try {
                Thread.sleep(100); // polling another process's health endpoint
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    public MediService service() {
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The management interface: {@code /q/health/*}, {@code /q/metrics}, {@code /q/openapi}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    public Process process() {
        return process;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, 20);
    }
}
