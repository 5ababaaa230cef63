package dev.medi.queue.rest;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.queue.SlaTargets;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.List;

/** Longest wait from arrival to call per ESI level, in minutes (0 = immediately). */
public record SlaTargetsInput(
        @NotNull @Min(0) @Max(1440) Integer esi1,
        @NotNull @Min(0) @Max(1440) Integer esi2,
        @NotNull @Min(0) @Max(1440) Integer esi3,
        @NotNull @Min(0) @Max(1440) Integer esi4,
        @NotNull @Min(0) @Max(1440) Integer esi5) {

    SlaTargets toTargets() {
        try {
            return new SlaTargets(List.of(Duration.ofMinutes(esi1), Duration.ofMinutes(esi2), Duration.ofMinutes(esi3),
                    Duration.ofMinutes(esi4), Duration.ofMinutes(esi5)));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.VALIDATION, "Targets must not shrink from ESI 1 to ESI 5.",
                    List.of(new Problem.FieldError("slaTargets", "must not shrink from esi1 to esi5")));
        }
    }

    static SlaTargetsInput of(SlaTargets targets) {
        return new SlaTargetsInput((int) targets.forLevel(1).toMinutes(), (int) targets.forLevel(2).toMinutes(),
                (int) targets.forLevel(3).toMinutes(), (int) targets.forLevel(4).toMinutes(), (int) targets.forLevel(5).toMinutes());
    }
}
