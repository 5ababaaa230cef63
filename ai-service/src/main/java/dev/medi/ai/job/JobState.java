package dev.medi.ai.job;

import java.util.Locale;

/**
 * States of a scribe job: {@code queued} → {@code running} → {@code succeeded} | {@code failed}; {@code queued} or
 * {@code running} → {@code cancelled}. A running job whose worker died (its lease passed) runs again.
 */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean ended() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public static JobState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Stored as its lower-case code. */
    @jakarta.persistence.Converter
    public static final class Column implements jakarta.persistence.AttributeConverter<JobState, String> {
        @Override
        public String convertToDatabaseColumn(JobState state) {
            return state == null ? null : state.code();
        }

        @Override
        public JobState convertToEntityAttribute(String code) {
            return code == null ? null : of(code);
        }
    }
}
