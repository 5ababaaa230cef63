package dev.medi.platform.events;

import java.util.List;

/** Kafka topic names. Versioned: a breaking payload change gets a new topic, not a silent edit. */
public final class Topics {

    /** Queue entry changes; key = department id so each department's events stay ordered. */
    public static final String QUEUE_EVENTS = "medi.queue.events.v1";
    /** Patient record changes; key = patient id. */
    public static final String PATIENT_EVENTS = "medi.patient.events.v1";
    /** Logins, user and token-family changes; key = user id. */
    public static final String AUTH_EVENTS = "medi.auth.events.v1";
    /** AI job results; key = job id. */
    public static final String AI_EVENTS = "medi.ai.events.v1";
    /** Audit trail of every read or write of patient data; key = patient id. */
    public static final String AUDIT = "medi.audit.v1";

    /** Every topic the platform owns, with its partition count for local and test brokers. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(QUEUE_EVENTS, 3),
            new TopicSpec(PATIENT_EVENTS, 3),
            new TopicSpec(AUTH_EVENTS, 1),
            new TopicSpec(AI_EVENTS, 1),
            new TopicSpec(AUDIT, 3),
            new TopicSpec(deadLetter(QUEUE_EVENTS), 1),
            new TopicSpec(deadLetter(PATIENT_EVENTS), 1),
            new TopicSpec(deadLetter(AI_EVENTS), 1));

    /** Name of the dead-letter topic that receives poison messages of {@code topic}. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    /** A topic and how many partitions it is created with. */
    public record TopicSpec(String name, int partitions) {
    }

    private Topics() {
    }
}
