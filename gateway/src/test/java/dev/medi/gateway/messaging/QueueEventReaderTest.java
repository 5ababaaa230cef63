package dev.medi.gateway.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.QueueEvents;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The gateway reads queue events through the catalogue, tolerant of what a newer queue-service adds. */
class QueueEventReaderTest {

    private static final UUID DEPARTMENT = UUID.randomUUID();
    /** Unknown fields fail on this mapper by default: the reader must ignore them itself. */
    private final QueueEventReader reader = new QueueEventReader(new ObjectMapper().registerModule(new JavaTimeModule()));

    private static String data(String extraTopLevel, String extraInEntry) {
        return "{\"departmentId\":\"" + DEPARTMENT + "\",\"sequence\":7," + extraTopLevel
                + "\"entry\":{\"id\":\"" + UUID.randomUUID() + "\",\"departmentId\":\"" + DEPARTMENT + "\","
                + "\"ticket\":\"GEN-014\",\"status\":\"CALLED\",\"arrivedAt\":\"2026-11-26T08:00:00.123456Z\","
                + "\"priority\":2,\"slaDueAt\":\"2026-11-26T09:00:00Z\",\"room\":\"Room 2\",\"version\":3" + extraInEntry + "}}";
    }

    @Test
    void everyCatalogueTypeIsKnownAndAnUnknownTypeIsNot() {
        QueueEvents.ALL.forEach(type -> assertSame(type, reader.typeOf(type.type())));
        assertNull(reader.typeOf("medi.queue.entry.teleported.v1"));
        assertNull(reader.typeOf(null));
    }

    @Test
    void fieldsAddedLaterAreIgnored() throws IOException {
        QueueEventData event = reader.read(QueueEvents.CALLED,
                data("\"addedLater\":{\"x\":1},", ",\"alsoAddedLater\":\"y\""));
        assertEquals(7, event.sequence());
        assertEquals(DEPARTMENT, event.departmentId());
        assertEquals("GEN-014", event.entry().ticket());
        assertEquals("Room 2", event.entry().room());
    }

    @Test
    void aPayloadThatIsNotAQueueEventIsRefused() {
        assertThrows(IOException.class, () -> reader.read(QueueEvents.CALLED, "not json"));
        assertThrows(IOException.class, () -> reader.read(QueueEvents.CALLED,
                data("", "").replace("\"priority\":2", "\"priority\":{}")));
    }
}
