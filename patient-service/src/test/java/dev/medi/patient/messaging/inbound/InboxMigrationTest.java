package dev.medi.patient.messaging.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.patient.PatientApi;
import dev.medi.patient.QueueEvents;
import dev.medi.platform.events.QueueStatuses;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Databases;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code V12__platform_inbox.sql}: the events patient-service's queue consumer applied before the upgrade (its own
 * {@code processed_events}, consumer {@code queue-events}) are in the platform inbox afterwards, under the name the
 * consumer now claims them with (the topic), so a redelivery after the upgrade is not applied a second time.
 */
@QuarkusTest
class InboxMigrationTest {

    private static final String MIGRATION = "db/migration/V12__platform_inbox.sql";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private long count(String sql) {
        return Databases.count(dataSource, sql);
    }

    @Test
    void anEventProcessedBeforeTheUpgradeIsNotAppliedAgainAfterIt() throws Exception {
        UUID department = UUID.randomUUID();
        String patient = PatientApi.registerSomeone();
        QueueEvents.Entry entry = QueueEvents.Entry.of(department, patient);
        String checkedIn = UUID.randomUUID().toString();
        // the database as the old release left it: the check-in was applied and recorded in processed_events
        execute("""
                create table processed_events (consumer text not null, event_id text not null,
                    event_type text not null, processed_at timestamptz not null, primary key (consumer, event_id))""");
        execute("insert into processed_events values ('queue-events', '" + checkedIn
                + "', 'medi.queue.entry.checked-in.v1', now())");

        execute(script());

        assertEquals(0, count("select count(*) from information_schema.tables where table_name = 'processed_events'"));
        assertEquals(1, count("select count(*) from medi_inbox where consumer = '" + Topics.QUEUE_EVENTS
                + "' and event_id = '" + checkedIn + "'"));

        // the check-in redelivered after the upgrade, then an event of the same department (same partition, read
        // after it) whose effect shows that the redelivery was consumed
        try (QueueEvents queue = new QueueEvents(json)) {
            queue.send(checkedIn, dev.medi.platform.events.QueueEvents.CHECKED_IN.type(), entry.snapshot(QueueStatuses.ARRIVED, null, null), null);
            String marker = PatientApi.registerSomeone();
            queue.send(dev.medi.platform.events.QueueEvents.CHECKED_IN.type(), QueueEvents.Entry.of(department, marker)
                    .snapshot(QueueStatuses.ARRIVED, null, null), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from patient_queue_entries"
                    + " where patient_id = '" + marker + "'") == 1);
        }
        assertEquals(0, count("select count(*) from patient_queue_entries where patient_id = '" + patient + "'"),
                "the redelivered check-in was not applied again");
        assertEquals(0, count("select count(*) from audit_log where patient_id = '" + patient
                + "' and action = 'patient.check-in'"));
    }

    @Test
    void anOldDatabaseUpgradesThroughFlyway() throws Exception {
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway before = Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration", "classpath:db/platform").target("11").load();
        before.migrate();
        execute("insert into " + schema + ".processed_events values ('queue-events', 'e-1', 't', now())");

        Flyway.configure().dataSource(dataSource).schemas(schema)
                .locations("classpath:db/migration", "classpath:db/platform").load().migrate();

        assertEquals(1, count("select count(*) from " + schema + ".medi_inbox where consumer = '"
                + Topics.QUEUE_EVENTS + "' and event_id = 'e-1'"));
        assertEquals(0, count("select count(*) from information_schema.tables where table_schema = '" + schema
                + "' and table_name = 'processed_events'"));
        execute("drop schema " + schema + " cascade");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String script() throws IOException {
        try (InputStream in = InboxMigrationTest.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
