package dev.medi.load;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * What the three benchmarks share: the gateway's address, one sign-in per account, a run id in the name of
 * every entry created (so leftovers of an interrupted run are found and cancelled), the queue sizes the run
 * saw, and the services' own metrics before and after.
 */
abstract class MediSimulation extends Simulation {

    /** Concurrent cancellations while cleaning up (outside the measured load). */
    static final int CLEANUP_PARALLELISM = 8;

    final URI baseUrl = LoadSettings.baseUrl();
    final MediApi api = new MediApi(baseUrl);
    final String runId = UUID.randomUUID().toString().substring(0, 8);
    /** Arrival name of every entry of this run, e.g. "Load Test 3f2a9c1e". */
    final String arrivalName = LoadSettings.ARRIVAL_NAME_PREFIX + " " + runId;
    final boolean cleanup = LoadSettings.flag("cleanup", true);
    final RunSummary summary = new RunSummary(getClass().getSimpleName());
    private PrometheusDelta.Scrape scrape;

    MediSimulation() {
        summary.clear();
    }

    /**
     * HTTP through the gateway. Connections are shared by all virtual users (a reception desk keeps its
     * connection open; a TCP handshake per check-in would measure the kernel, not Medi OS), and there is no
     * warm-up request to an outside address.
     */
    HttpProtocolBuilder httpProtocol() {
        return http.baseUrl(baseUrl.toString())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("medi-load-tests")
                .shareConnections()
                .disableWarmUp();
    }

    /** Fails early, with a clear message, when the stack is not running. */
    void requireStack() {
        if (!api.ready()) {
            throw new IllegalStateException("Nothing ready at " + LoadSettings.gatewayManagementUrl() + "/q/health/ready — start the stack with `./medi run` first.");
        }
    }

    /** Cancels waiting entries that earlier benchmark runs left behind (their names start with "Load Test"). */
    void cancelLeftovers(Collection<String> departments, String token) {
        List<MediApi.Entry> leftovers = new ArrayList<>();
        for (String department : departments) {
            leftovers.addAll(api.leftovers(department, token));
        }
        if (!leftovers.isEmpty()) {
            int cancelled = api.cancelAll(leftovers, token, CLEANUP_PARALLELISM);
            summary.note("cancelled " + cancelled + " of " + leftovers.size() + " entries left over by earlier runs");
        }
    }

    /** Active entries per department (the size of each snapshot). */
    Map<String, Integer> queueSizes(Collection<String> departments, String token) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String department : departments) {
            sizes.put(department, api.snapshot(department, token).path("entries").size());
        }
        return sizes;
    }

    static String describe(Map<String, Integer> sizes) {
        List<String> parts = new ArrayList<>();
        sizes.forEach((department, size) -> parts.add(name(department) + " " + size));
        return String.join(", ", parts);
    }

    static String name(String department) {
        return switch (department) {
            case LoadSettings.GENERAL -> "General";
            case LoadSettings.EMERGENCY -> "Emergency";
            default -> department;
        };
    }

    void startMetrics() {
        scrape = PrometheusDelta.start(api);
    }

    /**
     * The services' own view of the run, next to Gatling's: queue-service's request timing (mean; no
     * buckets are published for it), its outbox lag (commit → Kafka acknowledgement) and the gateway's
     * fan-out lag (event time → handed to the clients).
     */
    void finishMetrics(String queueServiceUri, String method) {
        if (scrape == null) {
            return;
        }
        List<PrometheusDelta> deltas = scrape.finish();
        PrometheusDelta gateway = deltas.get(0);
        PrometheusDelta queue = deltas.get(1);
        if (queue == null) {
            summary.note("queue-service metrics: not scraped (" + LoadSettings.queueMetrics() + " not reachable)");
        } else {
            if (queueServiceUri != null) {
                summary.put("server.request", queue.histogram("http_server_requests_seconds",
                        "uri=\"" + queueServiceUri + "\"", "method=\"" + method + "\""));
                summary.note("queue-service " + method + " " + queueServiceUri + " (server side): " + summary.get("server.request"));
            }
            summary.put("server.outboxLag", queue.histogram("medi_outbox_lag_seconds"));
            summary.note("queue-service outbox lag (commit → Kafka ack): " + summary.get("server.outboxLag"));
        }
        if (gateway == null) {
            summary.note("gateway metrics: not scraped (" + LoadSettings.gatewayMetrics() + " not reachable)");
        } else {
            summary.put("server.fanoutLag", gateway.histogram("medi_fanout_lag_seconds"));
            summary.note("gateway fan-out lag (event time → handed to clients): " + summary.get("server.fanoutLag"));
            double slow = gateway.counter("medi_fanout_slow_disconnects_total");
            double failed = gateway.counter("medi_fanout_failed_total");
            double delivered = gateway.counter("medi_fanout_delivered_total");
            if (delivered > 0 || slow > 0 || failed > 0) {
                summary.note(String.format(Locale.ROOT, "gateway frames written %.0f, failed %.0f, clients dropped as too slow %.0f",
                        delivered, failed, slow));
            }
        }
    }

    /** Signs in, failing the run with the reason (the stack down, a wrong password, ...). */
    String signIn(String user) {
        long start = System.nanoTime();
        String token = api.login(user);
        System.out.printf(Locale.ROOT, "[%s] signed in as %s (%d ms)%n", getClass().getSimpleName(), user,
                (System.nanoTime() - start) / 1_000_000);
        return token;
    }
}
