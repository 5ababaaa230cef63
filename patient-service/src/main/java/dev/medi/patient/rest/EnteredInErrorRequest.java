package dev.medi.patient.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the record is retired, e.g. "registered twice, see MRN 1000000161". Kept with the record, not in logs. */
public record EnteredInErrorRequest(@NotBlank @Size(max = 500) String reason) {
}
