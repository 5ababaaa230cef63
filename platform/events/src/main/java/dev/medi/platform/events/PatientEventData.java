package dev.medi.platform.events;

import java.util.List;
import java.util.UUID;

/**
 * Data of the record events on {@code medi.patient.events.v1} ({@link PatientEvents#PATIENT_REGISTERED},
 * {@code PATIENT_UPDATED}, {@code PATIENT_ENTERED_IN_ERROR}; JSON Schema {@code schemas/medi.patient.events.v1.json}). A notification with identifiers, not a copy of the record:
 * demographics stay behind the API, where every read is access-checked and audited.
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
