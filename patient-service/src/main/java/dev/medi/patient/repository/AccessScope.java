package dev.medi.patient.repository;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which patients a caller may see, as SQL: the one predicate every query that limits rows to the caller's patients
 * uses (front-desk search, structured search, the access check of one patient), so the rule of ADR 0006 is written
 * once. Either everyone active ({@link Unrestricted}: admins, the front desk, hospital systems), or the patients
 * of a clinician ({@link Clinical}): a care relationship with one of their departments, or an unexpired
 * break-glass grant of their own.
 *
 * <p>Each method writes an SQL expression over {@code patientColumn} and adds the values it needs through
 * {@code param} (which adds a positional parameter and answers its placeholder, e.g. {@link NativeSql#param}).
 */
public sealed interface AccessScope {

    /** Everyone visible with one basis; {@code basis} is recorded for each patient seen. */
    record Unrestricted(String basis) implements AccessScope {
    }

    /**
     * Patients in a care relationship with {@code departments} (encounters ended after {@code followUpSince} count,
     * ADR 0006), or with an unexpired break-glass grant for {@code username}.
     */
    record Clinical(Set<UUID> departments, String username, Instant now, Instant followUpSince) implements AccessScope {
    }

    /**
     * A text expression: why the caller may see the patient in {@code patientColumn} ({@code queue-entry:<id>},
     * {@code encounter:<id>}, {@code follow-up:<id>}, {@code break-glass:<grant id>}, or the unrestricted basis),
     * null if they may not.
     */
    default String basis(String patientColumn, Function<Object, String> param) {
        if (this instanceof Clinical clinical) {
            return "coalesce(" + careBasis(patientColumn, clinical.departments(), clinical.followUpSince(), param) + ", "
                    + breakGlassBasis(patientColumn, clinical.username(), clinical.now(), param) + ")";
        }
        return "cast(" + param.apply(((Unrestricted) this).basis()) + " as text)";
    }

    /** Whether rows must be filtered by {@link #visible} at all. */
    default boolean restricts() {
        return this instanceof Clinical;
    }

    /** A condition: the caller may see the patient in {@code patientColumn} ({@code true} when unrestricted). */
    default String visible(String patientColumn, Function<Object, String> param) {
        return restricts() ? basis(patientColumn, param) + " is not null" : "true";
    }

    /**
     * A scalar SQL expression: the care relationship ({@code kind:id}, e.g. {@code queue-entry:0193…}) of the patient
     * in {@code patientColumn} with any of {@code departments}, or null. See {@link CareRelationshipRepository} for
     * the relationships and their order.
     */
    static String careBasis(String patientColumn, Set<UUID> departments, Instant followUpSince,
                            Function<Object, String> param) {
        if (departments.isEmpty()) {
            return "cast(null as text)";
        }
        String literal = "{" + String.join(",", departments.stream().map(UUID::toString).sorted().toList()) + "}";
        return """
                (select c.basis from (
                    select 1 as rank, 'queue-entry:' || q.entry_id as basis, q.arrived_at as at
                      from patient_queue_entries q
                     where q.patient_id = %1$s and q.ended_at is null and q.department_id = any(cast(cast(%2$s as text) as uuid[]))
                    union all
                    select case when e.ended_at is null then 2 else 3 end,
                           case when e.ended_at is null then 'encounter:' else 'follow-up:' end || e.id,
                           coalesce(e.ended_at, e.started_at)
                      from encounters e
                     where e.patient_id = %1$s and e.department_id = any(cast(cast(%3$s as text) as uuid[]))
                       and (e.ended_at is null or (e.ended_at > %4$s and e.outcome not in ('no-show', 'cancelled')))
                   ) c order by c.rank, c.at desc limit 1)"""
                .formatted(patientColumn, param.apply(literal), param.apply(literal), param.apply(followUpSince));
    }

    /** As {@link #careBasis}, for the caller's unexpired break-glass grant: {@code break-glass:<grant id>} or null. */
    static String breakGlassBasis(String patientColumn, String username, Instant now, Function<Object, String> param) {
        return "(select 'break-glass:' || g.id from break_glass_grants g where g.patient_id = " + patientColumn
                + " and g.granted_to = " + param.apply(username) + " and g.expires_at > " + param.apply(now)
                + " order by g.expires_at desc limit 1)";
    }
}
