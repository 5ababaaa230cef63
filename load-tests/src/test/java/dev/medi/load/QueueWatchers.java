package dev.medi.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pool of staff screens on {@code /ws/queue}: each one connects the way a browser does (token in the
 * sub-protocol), subscribes to the departments, waits for their snapshots (with {@code awaitSnapshots=false},
 * for a gateway that sends none, only for {@code subscribed}), and from then on checks every frame and
 * times every check-in event of this run: receive time minus the event's {@code time} (when the change was
 * recorded in queue-service's transaction; same machine, same clock), into one shared, thread-safe
 * HdrHistogram {@link Recorder} in microseconds.
 *
 * <p>Each screen also checks the stream itself: per department the {@code sequence} must grow by exactly
 * one (a jump is a lost event, a repeat a duplicate), heartbeats must not announce a sequence it has not
 * seen, and it must see the id of every entry the run checked in — that is the "no loss" check.
 *
 * <p>The JDK's {@link java.net.http.WebSocket} rather than Gatling's WebSocket support: Gatling checks
 * match one awaited message at a time, so timing every pushed frame of 500 connections would mean buffering
 * them per virtual user and polling; a listener here sees each frame as it arrives, and it authenticates
 * with the two sub-protocols exactly like a browser.
 */
final class QueueWatchers implements AutoCloseable {

    static final String CHECKED_IN = "medi.queue.entry.checked-in.v1";
    /** Highest latency the histogram tracks: 10 minutes, in microseconds (above is clamped and counted). */
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final URI uri;
    private final String token;
    private final List<String> departments;
    private final String marker;
    private final boolean awaitSnapshots;
    private static final AtomicLong THREADS = new AtomicLong();
    private final ExecutorService executor;
    private final List<HttpClient> clients = new ArrayList<>();
    private final List<Watcher> watchers = new ArrayList<>();
    private volatile boolean closing;

    /** Event-to-browser latency of every check-in event at every screen, µs. */
    final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
    /** Connect → last snapshot received, per screen, ms. */
    final Histogram readiness = new ConcurrentHistogram(TimeUnit.MINUTES.toMillis(10), 3);
    final AtomicLong clamped = new AtomicLong();

    /**
     * @param marker text only this run's entries carry (their arrival name): events of other activity on
     *               the same departments are checked for order but not timed
     */
    QueueWatchers(URI gateway, String token, List<String> departments, String marker, int selectors, boolean awaitSnapshots) {
        this.uri = URI.create(gateway.toString().replaceFirst("^http", "ws") + "/ws/queue");
        this.token = token;
        this.departments = List.copyOf(departments);
        this.marker = marker;
        this.awaitSnapshots = awaitSnapshots;
        // A small fixed pool runs the listeners: the JDK's default (a cached pool) hands every frame to a
        // thread through a SynchronousQueue, which costs more than the frame's own work here.
        executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
            Thread thread = new Thread(runnable, "queue-watcher-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < Math.max(1, selectors); i++) {
            // One selector thread per client instance; several spread the sockets over the cores.
            clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(executor).build());
        }
    }

    /**
     * Opens {@code count} screens at {@code perSecond} and waits until every one has its snapshots; throws
     * with the first reason when some did not get there within {@code timeout}.
     */
    void open(int count, int perSecond, Duration timeout) throws InterruptedException {
        String credential = "quarkus-http-upgrade#Authorization#"
                + URLEncoder.encode("Bearer " + token, StandardCharsets.UTF_8).replace("+", "%20");
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = start + (long) (i * 1e9 / Math.max(1, perSecond)) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Watcher watcher = new Watcher();
            watchers.add(watcher);
            clients.get(i % clients.size()).newWebSocketBuilder()
                    .subprotocols("bearer-token-carrier", credential)
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, watcher)
                    .whenComplete((socket, failure) -> {
                        if (failure != null) {
                            watcher.fail("connect: " + rootCause(failure));
                        }
                    });
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int notReady = 0;
        String firstReason = null;
        for (Watcher watcher : watchers) {
            try {
                watcher.ready.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                notReady++;
                if (firstReason == null) {
                    firstReason = e instanceof TimeoutException ? "no snapshot within " + timeout.toSeconds() + " s" : rootCause(e);
                }
            }
        }
        if (notReady > 0) {
            throw new IllegalStateException(notReady + " of " + count + " WebSocket clients did not get their snapshots: "
                    + firstReason);
        }
    }

    int size() {
        return watchers.size();
    }

    /**
     * Waits until every screen has seen every one of {@code expected} (entry ids) or {@code timeout} passed;
     * returns how long it waited.
     */
    Duration awaitDelivery(Set<UUID> expected, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline && !watchers.stream().allMatch(w -> w.seen.containsAll(expected))) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** What the screens saw, against the entries the run created. */
    Delivery delivery(Set<UUID> expected) {
        long missing = 0;
        long extra = 0;
        int clientsMissing = 0;
        for (Watcher watcher : watchers) {
            long absent = expected.stream().filter(id -> !watcher.seen.contains(id)).count();
            missing += absent;
            clientsMissing += absent > 0 ? 1 : 0;
            extra += watcher.seen.stream().filter(id -> !expected.contains(id)).count();
        }
        long gaps = watchers.stream().mapToLong(w -> w.gaps.get()).sum();
        long duplicates = watchers.stream().mapToLong(w -> w.duplicates.get()).sum();
        long heartbeatGaps = watchers.stream().mapToLong(w -> w.heartbeatGaps.get()).sum();
        long errors = watchers.stream().mapToLong(w -> w.errors.get()).sum();
        long closed = watchers.stream().filter(w -> w.closedByServer).count();
        String reason = watchers.stream().map(w -> w.lastProblem).filter(p -> p != null).findFirst().orElse(null);
        return new Delivery(watchers.size(), expected.size(), (long) watchers.size() * expected.size(), missing,
                clientsMissing, extra, gaps, duplicates, heartbeatGaps, errors, closed, reason);
    }

    /**
     * @param expectedEvents clients × entries checked in
     * @param closedByServer screens the gateway closed (e.g. 1008 "too slow")
     * @param firstProblem   the first error or close reason seen, for the report
     */
    record Delivery(int clients, int checkIns, long expectedEvents, long missing, int clientsMissing, long extra,
                    long sequenceGaps, long duplicates, long heartbeatGaps, long errors, long closedByServer,
                    String firstProblem) {

        boolean lossless() {
            return missing == 0 && sequenceGaps == 0 && duplicates == 0 && heartbeatGaps == 0 && errors == 0
                    && closedByServer == 0;
        }
    }

    @Override
    public void close() {
        closing = true;
        List<CompletableFuture<WebSocket>> closes = new ArrayList<>();
        for (Watcher watcher : watchers) {
            WebSocket socket = watcher.socket;
            if (socket != null && !socket.isOutputClosed()) {
                closes.add(socket.sendClose(WebSocket.NORMAL_CLOSURE, "benchmark done").toCompletableFuture());
            }
        }
        try {
            CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing anyway
        }
        for (Watcher watcher : watchers) {
            if (watcher.socket != null) {
                watcher.socket.abort();
            }
        }
        executor.shutdown();
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** One screen. Listener methods of one WebSocket are never invoked concurrently (JDK contract). */
    private final class Watcher implements WebSocket.Listener {

        private final long started = System.nanoTime();
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        /** Ids of this run's entries whose check-in event arrived (read at the end from another thread). */
        final Set<UUID> seen = ConcurrentHashMap.newKeySet();
        final AtomicLong gaps = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong heartbeatGaps = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        volatile boolean closedByServer;
        volatile String lastProblem;
        volatile WebSocket socket;
        // only touched by the listener callbacks:
        private final Map<String, Long> lastSequence = new HashMap<>();
        private final Set<String> snapshots = new HashSet<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!last) {
                partial.append(data);
            } else {
                Instant received = Instant.now();
                String text;
                if (partial.length() == 0) {
                    text = data.toString();
                } else {
                    text = partial.append(data).toString();
                    partial.setLength(0);
                }
                try {
                    frame(webSocket, text, received);
                } catch (IOException | RuntimeException e) {
                    problem("unreadable frame: " + rootCause(e));
                }
            }
            webSocket.request(1);
            return null;
        }

        private void frame(WebSocket webSocket, String text, Instant received) throws IOException {
            String type = null;
            String eventType = null;
            String time = null;
            String department = null;
            String entryId = null;
            String detail = null;
            long sequence = -1;
            JsonNode nested = null;
            try (JsonParser parser = MediApi.JSON.getFactory().createParser(text)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("not a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.getCurrentName();
                    parser.nextToken();
                    switch (field) {
                        case "type" -> type = parser.getText();
                        case "eventType" -> eventType = parser.getText();
                        case "time" -> time = parser.getText();
                        case "departmentId" -> department = parser.getText();
                        case "sequence" -> sequence = parser.getLongValue();
                        case "detail" -> detail = parser.getText();
                        case "entry" -> entryId = idOf(parser);
                        case "snapshot", "sequences" -> nested = MediApi.JSON.readTree(parser);
                        default -> parser.skipChildren();
                    }
                }
            }
            switch (type == null ? "" : type) {
                case "welcome" -> webSocket.sendText("{\"type\":\"subscribe\",\"departments\":"
                        + MediApi.JSON.writeValueAsString(departments) + "}", true);
                case "snapshot" -> snapshot(department, nested);
                case "queue-event" -> event(department, sequence, eventType, time, entryId, text, received);
                case "subscribed" -> {
                    if (!awaitSnapshots && !ready.isDone()) {
                        readiness.recordValue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                        ready.complete(null);
                    }
                }
                case "heartbeat" -> heartbeat(nested);
                case "error" -> problem("error frame: " + detail);
                default -> {
                    // frame types added later
                }
            }
        }

        private void snapshot(String department, JsonNode snapshot) {
            if (department == null || snapshot == null || !snapshot.path("sequence").isNumber()) {
                problem("snapshot frame without departmentId or sequence");
                return;
            }
            lastSequence.put(department, snapshot.path("sequence").asLong());
            snapshots.add(department);
            if (!ready.isDone() && snapshots.containsAll(departments)) {
                readiness.recordValue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                ready.complete(null);
            }
        }

        private void event(String department, long sequence, String eventType, String time, String entryId, String text,
                           Instant received) {
            Long last = lastSequence.get(department);
            if (last == null && !awaitSnapshots) {
                last = sequence - 1; // no snapshot to start from: the first event sets the sequence
            }
            if (last == null) {
                problem("queue-event before the snapshot of " + department);
                return;
            }
            if (sequence == last + 1) {
                lastSequence.put(department, sequence);
            } else if (sequence <= last) {
                duplicates.incrementAndGet();
            } else {
                gaps.incrementAndGet();
                lastSequence.put(department, sequence);
            }
            if (CHECKED_IN.equals(eventType) && entryId != null && text.contains(marker)) {
                seen.add(UUID.fromString(entryId));
                try {
                    long micros = ChronoUnit.MICROS.between(EventTime.parse(time), received);
                    if (micros > HIGHEST_MICROS) {
                        clamped.incrementAndGet();
                        micros = HIGHEST_MICROS;
                    }
                    latency.recordValue(Math.max(0, micros));
                } catch (DateTimeParseException | NullPointerException e) {
                    problem("queue-event without a readable time: " + time);
                }
            }
        }

        /** A heartbeat announces the last sequence sent per department: higher than ours means one was lost. */
        private void heartbeat(JsonNode sequences) {
            if (sequences == null) {
                return;
            }
            sequences.fields().forEachRemaining(entry -> {
                Long last = lastSequence.get(entry.getKey());
                if (last != null && entry.getValue().asLong() > last) {
                    heartbeatGaps.incrementAndGet();
                }
            });
        }

        private String idOf(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return null;
            }
            String id = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                parser.nextToken();
                if (field.equals("id")) {
                    id = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            return id;
        }

        private void problem(String what) {
            errors.incrementAndGet();
            if (lastProblem == null) {
                lastProblem = what;
            }
            if (!ready.isDone()) {
                ready.completeExceptionally(new IllegalStateException(what));
            }
        }

        void fail(String what) {
            problem(what);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!closing) {
                closedByServer = true;
                problem("closed by the server: " + statusCode + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!closing) {
                problem("WebSocket error: " + rootCause(error));
            }
        }
    }
}
