package dev.medi.load;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a simulation knows beyond Gatling's request statistics — its settings, the target, the queue size it
 * ran against, what the services measured, the fan-out clients' figures — written to
 * {@code target/load-results/<Simulation>.properties} for {@link ResultsReport}.
 */
final class RunSummary {

    private final String simulation;
    private final Properties values = new Properties();
    private final List<String> notes = new ArrayList<>();

    RunSummary(String simulation) {
        this.simulation = simulation;
        values.setProperty("simulation", simulation);
    }

    RunSummary put(String key, Object value) {
        values.setProperty(key, String.valueOf(value));
        return this;
    }

    String get(String key) {
        return values.getProperty(key);
    }

    /** A line for the results file (a bullet under the simulation), printed at once too. */
    RunSummary note(String line) {
        notes.add(line);
        System.out.println("[" + simulation + "] " + line);
        return this;
    }

    Path file() {
        return LoadSettings.resultsDirectory().resolve(simulation + ".properties");
    }

    void write() {
        for (int i = 0; i < notes.size(); i++) {
            values.setProperty("note." + (i + 1), notes.get(i));
        }
        try {
            Files.createDirectories(file().getParent());
            try (Writer out = Files.newBufferedWriter(file(), StandardCharsets.UTF_8)) {
                values.store(out, "written by " + simulation);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    /** Removes the summary of an earlier run, so a failed run cannot report stale figures. */
    void clear() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
