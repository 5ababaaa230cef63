package dev.medi.queue.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An admin's change to a department; absent fields stay as they are. */
public record DepartmentUpdate(
        @Size(min = 1, max = 100) String name,
        @Size(max = 64) String timeZone,
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String autoCloseAt,
        @Valid SlaTargetsInput slaTargets,
        Boolean active) {
}
