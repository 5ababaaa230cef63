package dev.medi.platform.defaults.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that parses but cannot be kept as sent: text with a character PostgreSQL cannot store, or a
 * date outside years 1–9999 (PostgreSQL would store year -5000 as 5001 BC and read it back as 5001).
 * Answered with 400 problem+json naming the field ({@link InputProblemMappers}).
 */
public class UnstorableInputException extends MismatchedInputException {

    private final String reason;

    UnstorableInputException(JsonParser parser, String reason, Class<?> targetType) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    /** What is wrong, safe to show (never the value itself). */
    public String reason() {
        return reason;
    }
}
