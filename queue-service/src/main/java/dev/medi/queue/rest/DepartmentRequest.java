package dev.medi.queue.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new department (admin). Absent settings take the defaults: the configured time zone and close time, and
 * the default targets (ESI 1 immediate, 2 ≤ 10 min, 3 ≤ 30, 4 ≤ 60, 5 ≤ 120).
 *
 * @param code        ticket prefix, 2–6 capital letters or digits, e.g. {@code GEN}
 * @param timeZone    IANA zone, e.g. {@code Europe/Berlin}: the day and the close time are local to it
 * @param autoCloseAt local time of the end-of-day close, {@code HH:mm}
 */
public record DepartmentRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9]{2,6}") String code,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 64) String timeZone,
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String autoCloseAt,
        @Valid SlaTargetsInput slaTargets) {
}
