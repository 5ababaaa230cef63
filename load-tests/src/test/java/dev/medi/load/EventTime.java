package dev.medi.load;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads an event's {@code time}. {@link Instant#parse} goes through the general ISO formatter, which at
 * 10,000 frames a second was the biggest cost of the WebSocket clients; the gateway writes
 * {@link Instant#toString()} ({@code 2026-11-26T07:45:05.601234Z}), read here directly. Anything else
 * (an offset, no seconds) goes through {@link Instant#parse}.
 */
final class EventTime {

    private EventTime() {
    }

    static Instant parse(CharSequence text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Instant.parse(text);
        }
        long nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.' || length - 21 > 9 || length - 21 < 1) {
                return Instant.parse(text);
            }
            int digits = 0;
            for (int i = 20; i < length - 1; i++, digits++) {
                nanos = nanos * 10 + digit(text, i);
            }
            for (; digits < 9; digits++) {
                nanos *= 10;
            }
        }
        long day = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10)).toEpochDay();
        long seconds = day * 86_400 + number(text, 11, 13) * 3_600L + number(text, 14, 16) * 60L + number(text, 17, 19);
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static int number(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + digit(text, i);
        }
        return value;
    }

    private static int digit(CharSequence text, int at) {
        char c = text.charAt(at);
        if (c < '0' || c > '9') {
            throw new java.time.format.DateTimeParseException("not a digit", text, at);
        }
        return c - '0';
    }
}
