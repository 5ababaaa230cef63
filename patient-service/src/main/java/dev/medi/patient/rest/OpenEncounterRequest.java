package dev.medi.patient.rest;

import dev.medi.patient.service.EncounterService;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinician opens an encounter in one of their departments.
 *
 * @param encounterClass {@code AMB} (default) or {@code EMER}
 * @param startedAt      when it began; absent: now
 */
public record OpenEncounterRequest(@NotNull UUID departmentId,
                                   @Pattern(regexp = "AMB|EMER") String encounterClass,
                                   @Size(max = 100) String room,
                                   @Size(max = 500) String reason,
                                   Instant startedAt) {

    EncounterService.OpenEncounter toCommand() {
        return new EncounterService.OpenEncounter(departmentId, encounterClass, room, reason, startedAt);
    }
}
