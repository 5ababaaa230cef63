package dev.medi.patient.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** The queue entries a screen shows (at most 200 at once). */
public record PatientDisplayRequest(@NotNull @Size(max = 200) List<@NotNull UUID> queueEntryIds) {
}
