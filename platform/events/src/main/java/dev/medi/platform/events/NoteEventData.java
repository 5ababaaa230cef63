package dev.medi.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of the note events on {@code medi.patient.events.v1} ({@code note.drafted}, {@code note.signed},
 * {@code note.addendum-added}; JSON Schema {@code schemas/medi.patient.events.v1.json}, {@code noteEvent}).
 * Identifiers and state only: the note's text is read through the API, where every read is checked and audited.
 *
 * @param noteId      the note (the CloudEvent subject)
 * @param patientId   its patient (the Kafka key)
 * @param encounterId its encounter
 * @param status      {@code draft} or {@code signed}
 * @param version     the note's version after the change
 * @param author      who drafted it (user name)
 * @param aiGenerated drafted by the AI scribe
 * @param signedBy    the signing doctor; {@code null} for drafts
 * @param signedAt    when it was signed; {@code null} for drafts
 * @param addendumId  the added addendum, for {@code addendum-added}; {@code null} otherwise
 */
public record NoteEventData(UUID noteId, UUID patientId, UUID encounterId, String status, long version, String author,
                            boolean aiGenerated, String signedBy, Instant signedAt, UUID addendumId) {
}
