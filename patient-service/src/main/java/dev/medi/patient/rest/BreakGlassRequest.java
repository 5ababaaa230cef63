package dev.medi.patient.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the clinician needs the record now (reviewed later); at least ten characters. */
public record BreakGlassRequest(@NotBlank @Size(min = 10, max = 500) String reason) {
}
