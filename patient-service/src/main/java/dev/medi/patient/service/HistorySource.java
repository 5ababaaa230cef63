package dev.medi.patient.service;

import dev.medi.patient.service.SearchCursor.Keyset;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One kind of item in a patient's history ({@link PatientHistoryService}): encounters, vital-sign sets, and
 * (to come) clinical notes and documents. Each kind is a CDI bean implementing this; the history merges them.
 * Called inside the history's transaction, after its access check and audit.
 */
public interface HistorySource {

    /** The {@code kind} of its items, e.g. {@code encounter}. */
    String kind();

    /**
     * Up to {@code limit} of the patient's items, newest first by {@link Item#at()} then {@link Item#id()} (as
     * PostgreSQL orders uuids), strictly after {@code after} in that order ({@code null}: from the newest).
     */
    Uni<List<Item>> page(UUID patientId, Keyset after, int limit);

    /**
     * One history item.
     *
     * @param at     when it happened (encounter start, vitals measured, note written ...)
     * @param detail the domain object (mapped to its API view by the resource), or a ready API view
     */
    record Item(String kind, UUID id, Instant at, Object detail) {
    }
}
