package dev.medi.queue;

/** Lifecycle of a queue entry (names follow FHIR Encounter.status where they overlap). */
public enum QueueStatus {
    /** Checked in at the desk, waiting for triage. */
    ARRIVED
}
