package dev.medi.patient.rest;

import java.util.List;
import java.util.UUID;

/** Audit records, newest first; pass {@code next} as {@code before} for older ones ({@code null} at the end). */
public record AuditPage(List<AuditEntryView> items, UUID next) {
}
