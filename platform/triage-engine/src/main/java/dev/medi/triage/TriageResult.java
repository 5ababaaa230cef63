package dev.medi.triage;

import java.util.List;

/**
 * Outcome of {@link TriageEngine#assess}: the proposed ESI level, the rule that decided it and a clinical
 * explanation. The explanation contains no patient data (no values, no chief complaint); it names the decision
 * point, the criterion and, where the handbook only says "consider", that the nurse may override.
 *
 * @param level                    the proposed ESI level, always {@code rule.level()}
 * @param rule                     the rule that fired
 * @param explanation              why, in clinical terms
 * @param dangerZoneVitalsExceeded names of the vitals in the danger zone at decision point D
 *                                 ({@link Vitals#HEART_RATE}, {@link Vitals#RESPIRATORY_RATE}, {@link Vitals#SPO2});
 *                                 empty unless the rule is {@link TriageRule#D_DANGER_ZONE_VITALS}, because the
 *                                 danger zone is only evaluated for patients who would otherwise be ESI 3
 */
public record TriageResult(EsiLevel level, TriageRule rule, String explanation, List<String> dangerZoneVitalsExceeded) {

    public TriageResult {
        if (level == null || rule == null || explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("level, rule and explanation are required");
        }
        if (level != rule.level()) {
            throw new IllegalArgumentException("level must be the level of the rule");
        }
        dangerZoneVitalsExceeded = dangerZoneVitalsExceeded == null ? List.of() : List.copyOf(dangerZoneVitalsExceeded);
        if ((rule == TriageRule.D_DANGER_ZONE_VITALS) == dangerZoneVitalsExceeded.isEmpty()) {
            throw new IllegalArgumentException("danger-zone vitals are listed exactly when decision point D up-triages");
        }
    }
}
