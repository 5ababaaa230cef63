package dev.medi.queue.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A cancellation always says why (e.g. "registered twice"). */
public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
}
