package dev.medi.queue.rest;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** Body of linking a walk-in's entry to the patient registered for them afterwards. */
public record LinkPatientRequest(@NotNull UUID patientId) {
}
