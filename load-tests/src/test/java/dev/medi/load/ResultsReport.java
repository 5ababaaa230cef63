package dev.medi.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the results file ({@code load-tests/results/README.md}) after {@code run.sh} ran the simulations:
 * per simulation Gatling's request statistics ({@code target/gatling/<simulation>-<time>/js/stats.js}),
 * the simulation's own figures ({@code target/load-results/<Simulation>.properties}: queue sizes, server
 * metrics, fan-out latency) and Maven's exit code, against the target. The new run goes on top, earlier
 * runs are kept below it under "History".
 *
 * <p>Run by run.sh with system properties: {@code report.output}, {@code report.gatling},
 * {@code report.simulations}, {@code report.since} (epoch ms: ignore older Gatling reports),
 * {@code report.title}, {@code report.machine}, {@code report.command}, and {@code rc.<Simulation>}.
 */
public final class ResultsReport {

    static final String RUN_START = "<!-- run -->";
    static final String RUN_END = "<!-- /run -->";
    private static final String HISTORY = "## History";

    private ResultsReport() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(required("report.output"));
        Path gatling = Path.of(required("report.gatling"));
        long since = Long.parseLong(System.getProperty("report.since", "0"));
        List<String> simulations = List.of(required("report.simulations").split(","));

        StringBuilder run = new StringBuilder();
        run.append(RUN_START).append('\n');
        run.append("### ").append(required("report.title")).append("\n\n");
        run.append(required("report.machine")).append("\n\n");
        run.append("Command: `").append(System.getProperty("report.command", "load-tests/run.sh")).append("`\n\n");

        List<Section> sections = new ArrayList<>();
        for (String simulation : simulations) {
            sections.add(section(simulation.trim(), gatling, since));
        }
        run.append("| simulation | target | measured | result |\n|---|---|---|---|\n");
        for (Section section : sections) {
            run.append("| ").append(section.simulation).append(" | ").append(section.target).append(" | ")
                    .append(section.measured).append(" | ").append(section.verdict).append(" |\n");
        }
        for (Section section : sections) {
            run.append("\n#### ").append(section.simulation).append("\n\n");
            section.details.forEach(line -> run.append("- ").append(line).append('\n'));
        }
        run.append(RUN_END).append('\n');

        Files.createDirectories(output.toAbsolutePath().getParent());
        List<String> earlier = Files.exists(output) ? runs(Files.readString(output, StandardCharsets.UTF_8)) : List.of();
        StringBuilder file = new StringBuilder();
        file.append("# Load test results\n\n")
                .append("Written by `load-tests/run.sh` from real runs of the benchmarks in this folder's parent ")
                .append("(what they do, how latency is measured and the limits of one 2-core machine: ")
                .append("[../README.md](../README.md)). Newest run first; Gatling's HTML reports stay in ")
                .append("`load-tests/target/gatling/` and are not committed.\n\n")
                .append("## Latest run\n\n").append(run);
        if (!earlier.isEmpty()) {
            file.append('\n').append(HISTORY).append("\n\n");
            for (String block : earlier) {
                file.append(block).append('\n');
            }
        }
        Files.writeString(output, file.toString(), StandardCharsets.UTF_8);
        System.out.println(run);
        System.out.println("written to " + output);
    }

    /** The run blocks of an existing results file, newest first. */
    static List<String> runs(String text) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = Pattern.compile(Pattern.quote(RUN_START) + ".*?" + Pattern.quote(RUN_END), Pattern.DOTALL).matcher(text);
        while (matcher.find()) {
            blocks.add(matcher.group() + "\n");
        }
        return blocks;
    }

    private record Section(String simulation, String target, String measured, String verdict, List<String> details) {
    }

    private static Section section(String simulation, Path gatling, long since) throws IOException {
        List<String> details = new ArrayList<>();
        Path summaryFile = LoadSettings.resultsDirectory().resolve(simulation + ".properties");
        Properties summary = Files.exists(summaryFile) && Files.getLastModifiedTime(summaryFile).toMillis() >= since
                ? RunSummary.read(summaryFile) : new Properties();
        String rc = System.getProperty("rc." + simulation, "?");
        String target = summary.getProperty("target", "—");
        if (summary.getProperty("settings") != null) {
            details.add("settings: " + summary.getProperty("settings"));
        }

        Optional<Path> report = latestReport(gatling, simulation, since);
        JsonNode all = null;
        if (report.isPresent()) {
            JsonNode root = stats(report.get());
            if (root != null) {
                all = root.path("stats");
                details.add("Gatling, all requests: " + describe(all));
                root.path("contents").forEach(request -> details.add("Gatling, `" + request.path("stats").path("name").asText()
                        + "`: " + describe(request.path("stats"))));
            }
            details.add("Gatling report: `load-tests/target/gatling/" + report.get().getFileName() + "/index.html`");
        } else {
            details.add("no Gatling report found (the run did not get to the load)");
        }
        for (int i = 1; summary.getProperty("note." + i) != null; i++) {
            details.add(summary.getProperty("note." + i));
        }
        details.add("Maven exit code: " + rc);

        String measured;
        boolean pass;
        if (all == null) {
            measured = "no figures";
            pass = false;
        } else if (summary.getProperty("fanout.p99Ms") != null) {
            measured = String.format(Locale.ROOT, "event-to-browser p99 %s ms (p50 %s, p95 %s, max %s); %s of %s events received, %s missing; check-ins: %s",
                    summary.getProperty("fanout.p99Ms"), summary.getProperty("fanout.p50Ms"),
                    summary.getProperty("fanout.p95Ms"), summary.getProperty("fanout.maxMs"),
                    summary.getProperty("fanout.count"), summary.getProperty("fanout.expected"),
                    summary.getProperty("fanout.missing"), shortly(all));
            pass = "PASS".equals(summary.getProperty("verdict")) && koPercent(all) < maxKo(summary);
        } else {
            measured = "p99 " + ms(all, "percentiles4") + " (p50 " + ms(all, "percentiles1") + ", p95 "
                    + ms(all, "percentiles3") + ", max " + ms(all, "maxResponseTime") + "); " + shortly(all);
            double p99Target = Double.parseDouble(summary.getProperty("gatling.p99Ms", "NaN"));
            pass = all.path("percentiles4").path("total").asDouble() <= p99Target && koPercent(all) < maxKo(summary);
        }
        String verdict = pass && "0".equals(rc) ? "**PASS**"
                : pass ? "**FAIL** (exit code " + rc + ")"
                : "**FAIL**";
        return new Section(simulation, target, measured, verdict, details);
    }

    /**
     * Gatling's statistics of a report folder: {@code js/stats.json} where a Gatling version writes it, else
     * the object literal {@code var stats = {...}} at the top of {@code js/stats.js} (Gatling 3.13: unquoted
     * keys, numbers as strings); {@code null} if neither is there.
     */
    static JsonNode stats(Path report) throws IOException {
        Path json = report.resolve("js/stats.json");
        if (Files.exists(json)) {
            return MediApi.JSON.readTree(json.toFile());
        }
        Path script = report.resolve("js/stats.js");
        if (!Files.exists(script)) {
            return null;
        }
        String text = Files.readString(script, StandardCharsets.UTF_8);
        int start = text.indexOf('{', text.indexOf("var stats"));
        if (start < 0) {
            return null;
        }
        JsonFactory lenient = JsonFactory.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
        try (JsonParser parser = lenient.createParser(text.substring(start))) {
            parser.setCodec(MediApi.JSON);
            return parser.readValueAsTree();
        }
    }

    /** The newest Gatling report of the simulation written since the run started (folder {@code <name>-<timestamp>}). */
    static Optional<Path> latestReport(Path gatling, String simulation, long since) throws IOException {
        if (!Files.isDirectory(gatling)) {
            return Optional.empty();
        }
        String prefix = simulation.toLowerCase(Locale.ROOT) + "-";
        try (Stream<Path> folders = Files.list(gatling)) {
            return folders.filter(Files::isDirectory)
                    .filter(folder -> folder.getFileName().toString().startsWith(prefix))
                    .filter(folder -> folder.toFile().lastModified() >= since)
                    .max(Comparator.comparing(folder -> folder.getFileName().toString()));
        }
    }

    private static String describe(JsonNode stats) {
        return String.format(Locale.ROOT, "%d requests (%d OK, %d KO = %.2f %%) at %.1f/s; response time ms: min %s, p50 %s, "
                        + "p75 %s, p95 %s, p99 %s, max %s, mean %s",
                stats.path("numberOfRequests").path("total").asLong(), stats.path("numberOfRequests").path("ok").asLong(),
                stats.path("numberOfRequests").path("ko").asLong(), koPercent(stats),
                stats.path("meanNumberOfRequestsPerSecond").path("total").asDouble(),
                value(stats, "minResponseTime"), value(stats, "percentiles1"), value(stats, "percentiles2"),
                value(stats, "percentiles3"), value(stats, "percentiles4"), value(stats, "maxResponseTime"),
                value(stats, "meanResponseTime"));
    }

    private static String shortly(JsonNode stats) {
        return String.format(Locale.ROOT, "%d requests at %.1f/s, %.2f %% failed", stats.path("numberOfRequests").path("total").asLong(),
                stats.path("meanNumberOfRequestsPerSecond").path("total").asDouble(), koPercent(stats));
    }

    private static double koPercent(JsonNode stats) {
        double total = stats.path("numberOfRequests").path("total").asDouble();
        return total == 0 ? 100.0 : 100.0 * stats.path("numberOfRequests").path("ko").asDouble() / total;
    }

    private static double maxKo(Properties summary) {
        return Double.parseDouble(summary.getProperty("gatling.maxKoPercent", "1.0"));
    }

    private static String value(JsonNode stats, String field) {
        JsonNode total = stats.path(field).path("total");
        return total.isMissingNode() ? "?" : total.asText();
    }

    private static String ms(JsonNode stats, String field) {
        return value(stats, field) + " ms";
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + name + " is required");
        }
        return value;
    }
}
