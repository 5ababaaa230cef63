package dev.medi.queue.rest;

import jakarta.validation.constraints.Size;

/** Why an entry leaves the queue this way (optional for some transitions, required for others). */
public record ReasonRequest(@Size(max = 500) String reason) {
}
