package dev.medi.gateway.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.medi.platform.events.EventType;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.QueueEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;

/**
 * Reads the data of a queue event through its catalogue descriptor ({@link QueueEvents}), tolerant of what a newer
 * queue-service may add: fields this gateway does not know are ignored, and an event type it does not know is
 * skipped (it could not tell clients what it means). Everything else about the event is as the descriptor says.
 */
@ApplicationScoped
public class QueueEventReader {

    private final ObjectReader reader;

    QueueEventReader(ObjectMapper json) {
        this.reader = json.readerFor(QueueEventData.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The descriptor of a CloudEvent type, or {@code null} for one this gateway does not know. */
    public EventType<QueueEventData> typeOf(String cloudEventType) {
        return QueueEvents.byType(cloudEventType);
    }

    /**
     * The typed data of an event of a known type.
     *
     * @throws IOException if the payload is not JSON or a known field has the wrong shape
     */
    public QueueEventData read(EventType<QueueEventData> type, String payload) throws IOException {
        return reader.forType(type.dataType()).readValue(payload);
    }
}
