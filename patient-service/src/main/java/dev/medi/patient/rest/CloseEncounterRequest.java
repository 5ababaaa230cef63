package dev.medi.patient.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/**
 * How the encounter ended.
 *
 * @param endedAt absent: now
 */
public record CloseEncounterRequest(
        @NotNull @Pattern(regexp = "completed|admitted|referred|transferred|left-without-being-seen|no-show|cancelled")
        String outcome,
        Instant endedAt) {
}
