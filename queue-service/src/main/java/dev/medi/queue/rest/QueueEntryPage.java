package dev.medi.queue.rest;

import java.util.List;
import java.util.UUID;

/**
 * A page of entries, newest first; pass {@code next} as {@code before} for the following page ({@code null}: none).
 */
public record QueueEntryPage(List<QueueEntryView> items, UUID next) {
}
