package dev.medi.queue.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param priority 1 (first) to 5, or {@code null} to return to the computed order */
public record PriorityOverrideRequest(@Min(1) @Max(5) Integer priority, @NotBlank @Size(max = 500) String reason) {
}
