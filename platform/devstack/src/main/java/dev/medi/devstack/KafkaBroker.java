package dev.medi.devstack;

import dev.medi.platform.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker + controller, one node), run as a separate
 * JVM from the jars that {@code platform/kafka-broker} assembles. No ZooKeeper, no container.
 */
public final class KafkaBroker implements AutoCloseable {

    /** System property (or env {@code MEDI_KAFKA_LIB}) pointing at the broker jars. */
    public static final String LIB_PROPERTY = "medi.kafka.lib";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final long FORMAT_TIMEOUT_SECONDS = 180;

    private final Process process;
    private final int port;
    private final Path logFile;

    private KafkaBroker(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Formats the storage on first use, starts the broker and waits until it answers and the platform's
     * topics exist.
     *
     * @param workDirectory  configuration, data and log of this broker; data survives restarts
     * @param port           client port on 127.0.0.1 (0 = a free one)
     * @param controllerPort KRaft controller port on 127.0.0.1 (0 = a free one)
     */
    public static KafkaBroker start(Path workDirectory, int port, int controllerPort) {
        int clientPort = port == 0 ? Ports.freePort() : port;
        int quorumPort = controllerPort == 0 ? Ports.freePort() : controllerPort;
        try {
            Files.createDirectories(workDirectory);
            Path dataDirectory = workDirectory.resolve("data");
            Path config = writeServerProperties(workDirectory, dataDirectory, clientPort, quorumPort);
            Path logConfig = writeLogConfig(workDirectory);
            Path launcherClasses = copyLauncher(workDirectory);
            String classpath = libDirectory().resolve("*") + java.io.File.pathSeparator + launcherClasses;
            Path logFile = workDirectory.resolve("kafka.log");
            List<String> jvm = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dlog4j2.configurationFile=" + logConfig.toUri(), "-cp", classpath);

            if (!Files.exists(dataDirectory.resolve("meta.properties"))) {
                List<String> format = ChildProcesses.javaCommand(jvm);
                format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", newClusterId(),
                        "-c", config.toString(), "--standalone", "--ignore-formatted"));
                Process formatting = new ProcessBuilder(format).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
                // Generous: a cold JVM on a busy 2-core machine (parallel builds) took over a minute here.
                if (!formatting.waitFor(FORMAT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    formatting.destroyForcibly();
                    throw new IllegalStateException("formatting Kafka storage took longer than "
                            + FORMAT_TIMEOUT_SECONDS + " s, see " + logFile);
                }
                if (formatting.exitValue() != 0) {
                    throw new IllegalStateException("formatting Kafka storage failed (exit " + formatting.exitValue()
                            + "), see " + logFile);
                }
            }

            List<String> command = ChildProcesses.javaCommand(jvm);
            command.addAll(List.of(BrokerMain.class.getName(), Long.toString(ProcessHandle.current().pid()),
                    config.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            KafkaBroker broker = new KafkaBroker(process, clientPort, logFile);
            try {
                broker.awaitReadyAndCreateTopics();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /** Jars of the broker: {@value #LIB_PROPERTY}, {@code MEDI_KAFKA_LIB}, or found from the project root. */
    static Path libDirectory() {
        String configured = System.getProperty(LIB_PROPERTY, System.getenv("MEDI_KAFKA_LIB"));
        if (configured != null && !configured.isBlank()) {
            return requireJars(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("platform/kafka-broker/target/lib");
            if (Files.isDirectory(candidate)) {
                return requireJars(candidate);
            }
        }
        throw new IllegalStateException("Kafka broker jars not found: build the project first (./mvnw package) "
                + "or set -D" + LIB_PROPERTY);
    }

    private static Path requireJars(Path dir) {
        if (!hasKafkaJar(dir)) {
            throw new IllegalStateException("no Kafka broker jars in " + dir + ": build platform/kafka-broker first");
        }
        return dir;
    }

    private static boolean hasKafkaJar(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitReadyAndCreateTopics() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        while (!Ports.isListening(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited during start, see " + logFile);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Kafka not listening after " + READY_TIMEOUT + ", see " + logFile);
            }
            pause();
        }
        try (Admin admin = Admin.create(adminConfig)) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topics.TopicSpec spec : Topics.ALL) {
                topics.add(new NewTopic(spec.name(), spec.partitions(), (short) 1));
            }
            while (true) {
                try {
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    for (var result : admin.createTopics(topics).values().values()) {
                        try {
                            result.get(30, TimeUnit.SECONDS);
                        } catch (ExecutionException e) {
                            if (!(e.getCause() instanceof TopicExistsException)) {
                                throw e;
                            }
                        }
                    }
                    return;
                } catch (Exception e) {
                    if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                        throw new IllegalStateException("Kafka not ready, see " + logFile, e);
                    }
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100); // polling an external process we do not control; no event to wait on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Path writeServerProperties(Path work, Path data, int port, int controllerPort) throws IOException {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "");
        Path file = work.resolve("server.properties");
        Files.writeString(file, properties);
        return file;
    }

    private static Path writeLogConfig(Path work) throws IOException {
        String config = String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = INFO",
                "");
        Path file = work.resolve("log4j2.properties");
        Files.writeString(file, config);
        return file;
    }

    /** Copies {@link BrokerMain} and {@link ParentWatchdog} out of whatever class loader holds them. */
    private static Path copyLauncher(Path work) throws IOException {
        Path classes = work.resolve("launcher");
        for (Class<?> type : List.of(BrokerMain.class, ParentWatchdog.class)) {
            String resource = type.getName().replace('.', '/') + ".class";
            Path target = classes.resolve(resource);
            Files.createDirectories(target.getParent());
            try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("class file not found: " + resource);
                }
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return classes;
    }

    /**
     * A random cluster id (16 bytes, URL-safe base64, as Kafka's own {@code Uuid}). One in 64 of those starts
     * with '-', which the storage tool's argument parser takes for an option and exits 1 — so, like Kafka's
     * {@code Uuid.randomUuid()}, draw again.
     */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, 30);
    }
}
