package dev.medi.patient.benchmark;

import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search latency over the HTTP API (token verification, search, loading, audit records and their outbox rows
 * included) against 100,000 generated patients in the real PostgreSQL. Not part of the normal build; run:
 *
 * <pre>mvn -B verify -pl patient-service -Dtest=SearchBenchmark -Dmedi.benchmark=true</pre>
 *
 * Own test profile, so it gets a fresh application and database. Seeds with one {@code insert ... select
 * generate_series} ({@code benchmark/seed-patients.sql}), then runs a fixed mix of realistic front-desk queries
 * (surnames common and rare, full names, fragments, typos, missing accents, name + birth date, birth date,
 * phone, MRN): a warm-up, then a measured round with one client and one with four. Percentiles per query kind
 * are printed and written to {@code target/benchmarks/search-results.md}; record them in
 * {@code benchmarks/search.md}. No timing assertions (conventions): only that the queries find patients.
 */
@QuarkusTest
@TestProfile(SearchBenchmark.Profile.class)
@EnabledIfSystemProperty(named = "medi.benchmark", matches = "true")
class SearchBenchmark {

    /** A profile of its own: Quarkus restarts with a fresh database for it. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"io.quarkus.scheduler\".level", "WARN");
        }
    }

    private static final int PATIENTS = Integer.getInteger("medi.benchmark.patients", 100_000);
    private static final int WARM_UP = Integer.getInteger("medi.benchmark.warm-up", 600);
    private static final int MEASURED = Integer.getInteger("medi.benchmark.requests", 3000);
    private static final int CLIENTS = Integer.getInteger("medi.benchmark.clients", 4);
    /** Prefix of the series measured by the service itself (Server-Timing), as opposed to the client. */
    private static final String SERVER = "server: ";

    /** One query of the mix and what kind of query it is. */
    record Query(String kind, String parameters) {
    }

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/api/v1/patients")
    URL endpoint;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void searchLatency() throws Exception {
        long seedStarted = System.nanoTime();
        seed();
        Duration seeding = Duration.ofNanos(System.nanoTime() - seedStarted);
        List<Query> queries = queries();

        String token = TestTokens.tokens().accessToken("benchmark.receptionist", List.of("receptionist"), List.of(),
                Duration.ofHours(2));
        Map<String, Integer> results = new LinkedHashMap<>();
        Map<String, Integer> foundPerKind = new LinkedHashMap<>();
        for (Query query : queries) {
            int items = call(token, query).items();
            results.put(query.kind() + " " + query.parameters(), items);
            foundPerKind.merge(query.kind(), items, Integer::sum);
        }
        foundPerKind.forEach((kind, items) -> assertTrue(items > 0, "queries of kind " + kind + " find patients"));

        run(token, queries, WARM_UP, 1);
        Map<String, List<Long>> sequential = run(token, queries, MEASURED, 1);
        Map<String, List<Long>> concurrent = run(token, queries, MEASURED, CLIENTS);

        String report = report(seeding, queries, results, sequential, concurrent);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "search-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void seed() throws SQLException, IOException {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("benchmark/seed-patients.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("select setseed(0.42)");
            }
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setInt(1, PATIENTS);
                assertEquals(PATIENTS, insert.executeUpdate());
            }
            try (Statement statement = connection.createStatement()) {
                // what autovacuum does shortly after a bulk load: statistics, and the visibility map that lets
                // the ranking read the name index without visiting the table
                statement.execute("vacuum analyze patients");
                statement.execute("vacuum analyze patient_name_terms");
                statement.execute("vacuum analyze patient_name_words");
            }
        }
    }

    /** The query mix: fixed texts, plus birth dates, phones and MRNs of patients picked at fixed places. */
    private List<Query> queries() throws SQLException {
        List<Query> queries = new ArrayList<>();
        for (String q : List.of("Müller", "schmidt", "Nguyen", "garcia", "Kowalczyk", "Marbergez")) {
            queries.add(new Query("surname", "q=" + encode(q)));
        }
        for (String q : List.of("anna müller", "Jakub Lewandowski", "maria jose gonzalez", "Mehmet Yilmaz")) {
            queries.add(new Query("full name", "q=" + encode(q)));
        }
        for (String q : List.of("mül", "schm an", "lew jak", "ngu min", "kow")) {
            queries.add(new Query("fragment", "q=" + encode(q)));
        }
        for (String q : List.of("Mueller", "Schmitd", "Lewandowsky Jakub", "jhon smtih", "Kowalsky", "Ferandez Lucia")) {
            queries.add(new Query("typo", "q=" + encode(q)));
        }
        for (String q : List.of("celik", "lopez", "francois lefevre", "Bjorn Hansen", "ozturk elif")) {
            queries.add(new Query("no accents", "q=" + encode(q)));
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement picks = connection.prepareStatement(
                     "select family_name, birth_date, phone, mrn from patients order by mrn offset ? limit 1")) {
            for (int i = 0; i < 5; i++) {
                picks.setInt(1, 7919 * (i + 1) % PATIENTS);
                try (ResultSet row = picks.executeQuery()) {
                    row.next();
                    LocalDate birthDate = row.getObject(2, LocalDate.class);
                    queries.add(new Query("name + birth date", "q=" + encode(row.getString(1)) + "&birthDate=" + birthDate));
                    queries.add(new Query("birth date", "birthDate=" + birthDate));
                    queries.add(new Query("phone", "phone=" + encode(row.getString(3))));
                    queries.add(new Query("mrn", (i % 2 == 0 ? "mrn=" : "q=") + row.getString(4)));
                }
            }
        }
        return queries;
    }

    /** A response: how many patients, and the service's own time from the Server-Timing header (µs). */
    private record Result(int items, long serverMicros) {
    }

    private Result call(String token, Query query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?" + query.parameters() + "&limit=20"))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("search failed with " + response.statusCode() + ": " + query);
        }
        String timing = response.headers().firstValue("Server-Timing").orElse("app;dur=0");
        long serverMicros = Math.round(Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)) * 1000);
        return new Result(new JsonObject(response.body()).getJsonArray("items").size(), serverMicros);
    }

    /** {@code requests} searches over the mix by {@code clients} parallel clients; latencies (µs) per kind and "all". */
    private Map<String, List<Long>> run(String token, List<Query> queries, int requests, int clients) throws Exception {
        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Map.Entry<String, Long>>>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    List<Map.Entry<String, Long>> measured = new ArrayList<>();
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        Query query = queries.get(i % queries.size());
                        long started = System.nanoTime();
                        Result result = call(token, query);
                        measured.add(Map.entry(query.kind(), (System.nanoTime() - started) / 1_000));
                        measured.add(Map.entry(SERVER + query.kind(), result.serverMicros()));
                    }
                    return measured;
                }));
            }
            for (Future<List<Map.Entry<String, Long>>> worker : workers) {
                for (Map.Entry<String, Long> entry : worker.get()) {
                    latencies.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue());
                    latencies.computeIfAbsent(entry.getKey().startsWith(SERVER) ? SERVER + "all" : "all",
                            k -> new ArrayList<>()).add(entry.getValue());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return latencies;
    }

    private String report(Duration seeding, List<Query> queries, Map<String, Integer> results,
                          Map<String, List<Long>> sequential, Map<String, List<Long>> concurrent) throws SQLException {
        StringBuilder out = new StringBuilder();
        out.append("# Search benchmark run ").append(Instant.now()).append("\n\n");
        out.append("- patients: ").append(count("select count(*) from patients")).append(" (name words in vocabulary: ")
                .append(count("select count(*) from patient_name_words")).append(", index entries: ")
                .append(count("select count(*) from patient_name_terms")).append(")\n");
        out.append("- seeding (one insert ... select generate_series, with triggers, plus vacuum analyze): ")
                .append(seeding.toSeconds()).append(" s\n");
        out.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(", Java ")
                .append(System.getProperty("java.version")).append(", heap max ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB, load average at start ")
                .append(String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append("\n");
        out.append("- requests: warm-up ").append(WARM_UP).append(", then ").append(MEASURED)
                .append(" with 1 client and ").append(MEASURED).append(" with ").append(CLIENTS)
                .append(" clients, limit=20, round robin over ").append(queries.size()).append(" queries\n\n");
        out.append(table("1 client (sequential)", sequential));
        out.append(table(CLIENTS + " concurrent clients", concurrent));
        out.append("## Queries (results on the first page)\n\n");
        results.forEach((query, items) -> out.append("- `").append(query).append("`: ").append(items).append('\n'));
        return out.toString();
    }

    private static String table(String title, Map<String, List<Long>> latencies) {
        StringBuilder out = new StringBuilder("## " + title + "\n\nClient-observed (HTTP round trip), then as measured in the "
                + "service (Server-Timing: from the resource to the response, without HTTP and token checks).\n\n"
                + "| kind | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        List<Map.Entry<String, List<Long>>> rows = new ArrayList<>(latencies.entrySet());
        rows.sort(java.util.Comparator.comparing((Map.Entry<String, List<Long>> e) -> e.getKey().startsWith(SERVER))
                .thenComparing(e -> !e.getKey().endsWith("all")));
        for (Map.Entry<String, List<Long>> entry : rows) {
            long[] sorted = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            out.append("| ").append(entry.getKey()).append(" | ").append(sorted.length).append(" | ")
                    .append(ms(percentile(sorted, 50))).append(" | ").append(ms(percentile(sorted, 95))).append(" | ")
                    .append(ms(percentile(sorted, 99))).append(" | ").append(ms(sorted[sorted.length - 1])).append(" |\n");
        }
        return out.append('\n').toString();
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
