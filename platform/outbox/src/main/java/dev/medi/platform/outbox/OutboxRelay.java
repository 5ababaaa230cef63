package dev.medi.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka in commit order and deletes them once the broker acknowledged them.
 *
 * <p>It wakes itself: the outbox table's statement trigger sends {@code NOTIFY medi_outbox} when a transaction
 * that added events commits (gated to one NOTIFY at a time, ADR 0011), and the relay {@code LISTEN}s on a
 * connection it holds from the reactive pool (the pool's default size counts it). When that connection drops
 * it listens again on a new one; the {@code medi.outbox.poll-interval} poll is the safety net meanwhile. A
 * connection pooler in front of PostgreSQL must give the relay a session-mode connection: in transaction
 * mode a {@code LISTEN} is lost when the pooler hands the server connection to someone else.
 *
 * <p>One drain at a time per database (a transaction-scoped advisory lock), so several replicas never
 * reorder a key's events. A failed publish rolls the transaction back: the rows stay and are retried
 * with exponential backoff. A crash between the broker's ack and the delete re-publishes the batch
 * with the same event ids; consumers drop those duplicates by id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key: "medi-outbox" folded into a bigint. */
    private static final long DRAIN_LOCK = 0x6d6564692d6f7574L;
    /** The notification channel the outbox trigger sends to (R__medi_outbox.sql). */
    static final String CHANNEL = "medi_outbox";
    /** Advisory lock key of the trigger's wake gate: "medi-wak" folded into a bigint (R__medi_outbox.sql). */
    static final long WAKE_GATE = 0x6d6564692d77616bL;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration LISTEN_RETRY = Duration.ofSeconds(1);

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong retryNotBefore = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private final Timer lag;
    private volatile boolean stopping;
    private volatile PgConnection listening;

    OutboxRelay(Pool pool, @Channel("medi-outbox") MutinyEmitter<String> emitter, MeterRegistry registry,
                @ConfigProperty(name = "medi.outbox.batch-size") int batchSize) {
        this.pool = pool;
        this.emitter = emitter;
        this.batchSize = batchSize;
        this.published = Counter.builder("medi.outbox.published").description("Events published and acknowledged")
                .register(registry);
        this.failures = Counter.builder("medi.outbox.failures").description("Failed publish attempts")
                .register(registry);
        this.lag = Timer.builder("medi.outbox.lag").description("Time from commit to broker acknowledgement")
                .publishPercentileHistogram().register(registry);
    }


    void listen(@Observes StartupEvent started) {
        listen();
    }

    void stopListening(@Observes ShutdownEvent shutdown) {
        stopping = true;
        PgConnection connection = listening;
        if (connection != null) {
            connection.closeAndForget();
        }
    }

    /** Takes a connection from the pool and LISTENs on it; again after it drops, until shutdown. */
    private void listen() {
        if (stopping) {
            return;
        }
        pool.getConnection()
                .map(PgConnection::cast)
                .call(connection -> connection.query("listen " + CHANNEL).execute()
                        .onFailure().call(connection::close))
                .subscribe().with(connection -> {
                    listening = connection;
                    connection.notificationHandler(notification -> requestDrain());
                    connection.closeHandler(() -> {
                        listening = null;
                        if (!stopping) {
                            Log.warn("outbox LISTEN connection closed; listening again");
                            retryListen();
                        }
                    });
                    // events committed while nobody listened
                    requestDrain();
                }, failure -> {
                    Log.warnf("outbox LISTEN failed (%s); retry in %d ms", failure.getClass().getSimpleName(),
                            LISTEN_RETRY.toMillis());
                    retryListen();
                });
    }

    private void retryListen() {
        Uni.createFrom().voidItem().onItem().delayIt().by(LISTEN_RETRY)
                .subscribe().with(ignored -> listen());
    }

    /** Whether the relay holds its LISTEN connection now (for tests and diagnosis). */
    boolean isListening() {
        return listening != null;
    }

    /** Asks for a drain soon; cheap and safe to call from anywhere. */
    void requestDrain() {
        wakeRequested.set(true);
        if (System.currentTimeMillis() >= retryNotBefore.get() && draining.compareAndSet(false, true)) {
            drainLoop();
        }
    }

    /** Safety net: rows committed by another replica, or left by a crash or a broker outage. */
    @Scheduled(every = "${medi.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not before messaging is wired
    void poll() {
        requestDrain();
    }

    private void drainLoop() {
        wakeRequested.set(false);
        drainBatch().subscribe().with(count -> {
            consecutiveFailures.set(0);
            retryNotBefore.set(0);
            // until a read finds nothing: the transactions that skipped their NOTIFY at the wake gate
            // committed meanwhile, and their rows are read by the next round
            if (count > 0 || wakeRequested.get()) {
                drainLoop();
            } else {
                draining.set(false);
                // A wake-up that raced with the end of this drain must not be lost.
                if (wakeRequested.get() && draining.compareAndSet(false, true)) {
                    drainLoop();
                }
            }
        }, failure -> {
            failures.increment();
            int attempt = consecutiveFailures.incrementAndGet();
            long backoff = Math.min(MAX_BACKOFF.toMillis(), 100L << Math.min(attempt, 16));
            retryNotBefore.set(System.currentTimeMillis() + backoff);
            Log.warnf("outbox publish failed (%s), attempt %d, retry in %d ms",
                    failure.getClass().getSimpleName(), attempt, backoff);
            draining.set(false);
        });
    }

    /**
     * Takes the drain lock and reads the oldest rows in one round trip. The lock is in a CTE, which PostgreSQL
     * evaluates once (a volatile function is never inlined); without the lock no row comes back, as when the
     * outbox is empty, and another replica's drain publishes them.
     */
    private static final String LOCK_AND_READ_OLDEST = """
            with drain as (select pg_try_advisory_xact_lock($1) as held)
            select id, topic, partition_key, type, source, subject, payload, occurred_at
              from outbox, drain
             where drain.held
             order by position
             limit $2""";

    /** One transaction: lock, read the oldest rows, publish them, wait for every ack, delete them. */
    Uni<Integer> drainBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK_AND_READ_OLDEST)
                .execute(Tuple.of(DRAIN_LOCK, batchSize))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().item(0) : publishAndDelete(connection, rows)));
    }

    private Uni<Integer> publishAndDelete(SqlConnection connection, RowSet<Row> rows) {
        List<Uni<Void>> acks = new ArrayList<>(rows.size());
        List<UUID> ids = new ArrayList<>(rows.size());
        List<Instant> committedAt = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getUUID("id"));
            Instant occurredAt = row.getOffsetDateTime("occurred_at").toInstant();
            committedAt.add(occurredAt);
            // Subscribed in list order by join(): the producer sends in commit order, per key.
            acks.add(emitter.sendMessage(toMessage(row, occurredAt)));
        }
        return Uni.join().all(acks).andFailFast()
                .flatMap(ignored -> connection.preparedQuery("delete from outbox where id = any($1)")
                        .execute(Tuple.of(ids.toArray(UUID[]::new))))
                .invoke(ignored -> {
                    Instant now = Instant.now();
                    published.increment(ids.size());
                    committedAt.forEach(at -> lag.record(Duration.between(at, now)));
                })
                .replaceWith(ids.size());
    }

    private static Message<String> toMessage(Row row, Instant occurredAt) {
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.getUUID("id").toString())
                .withType(row.getString("type"))
                .withSource(URI.create(row.getString("source")))
                .withSubject(row.getString("subject"))
                .withTimestamp(occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("partition_key"))
                .build();
        return Message.of(row.getString("payload"), Metadata.of(cloudEvent, record));
    }
}
