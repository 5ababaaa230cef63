package dev.medi.queue.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Send the patient to another department's queue, keeping their priority. */
public record TransferRequest(@NotNull UUID departmentId, @NotBlank @Size(max = 500) String reason) {
}
