package dev.medi.patient.messaging.outbound;

import java.util.List;
import java.util.UUID;

/**
 * Data of every event on {@code medi.patient.events.v1} (JSON Schema:
 * {@code schemas/medi.patient.events.v1.json}). A notification with identifiers, not a copy of the record:
 * demographics stay behind the API, where every read is access-checked and audited.
 *
 * <p><b>Belongs in platform/events</b> next to {@code QueueEventData}; kept here until that module is changed.
 *
 * @param patientId          the patient (also the Kafka key and the CloudEvent subject)
 * @param mrn                medical record number
 * @param status             {@code active} or {@code entered-in-error}
 * @param version            the record's version after the change (its ETag)
 * @param changedFields      for updates: the API names of the fields that changed; empty otherwise
 * @param duplicateOverride  registered although likely duplicates were shown
 * @param possibleDuplicates the ids of those likely duplicates (for a later merge); empty otherwise
 */
public record PatientEventData(UUID patientId, String mrn, String status, long version, List<String> changedFields,
                               boolean duplicateOverride, List<UUID> possibleDuplicates) {
}
