package dev.medi.patient.repository;

import dev.medi.patient.record.IdentifierSystems;
import dev.medi.patient.repository.PatientCriteria.BirthDates;
import dev.medi.patient.repository.PatientCriteria.Criterion;
import dev.medi.patient.repository.PatientCriteria.DateBound;
import dev.medi.patient.repository.PatientCriteria.IdentifierToken;
import dev.medi.patient.repository.PatientCriteria.NameMatch;
import dev.medi.patient.repository.PatientCriteria.TelecomToken;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Patient search by structured criteria ({@link PatientCriteria}: those of FHIR Patient search) in native SQL over the core's tables and functions (V2/V3 migrations): the same
 * normalisation of names as the front-desk search ({@code patient_normalise}: case, accents, punctuation), the
 * same visibility rules ({@link AccessScope}: everyone, or the patients of a clinician's departments and break-glass
 * grants), active records only. Results in id order (ids are time-ordered), paged by keyset on the id.
 *
 * <p>Name prefixes are looked up through the core's word index ({@code patient_name_words},
 * {@code patient_name_terms}) before the exact FHIR comparison, so a name search does not scan every patient.
 */
@ApplicationScoped
public class PatientCriteriaRepository {

    /** A patient found and why the caller may see it ({@code AccessPolicy.Basis} code, or {@code api-client}). */
    public record Hit(UUID id, String basis) {
    }

    /** One page of hits after {@code after} (exclusive; {@code null} from the start), at most {@code limit}. */
    public Uni<List<Hit>> find(List<Criterion> criteria, AccessScope scope, UUID after, int limit) {
        NativeSql sql = new NativeSql();
        String basis = scope.basis("p.id", sql::param);
        String where = where(sql, criteria, scope);
        if (after != null) {
            where += "\n   and p.id > " + sql.param(after);
        }
        return sql.append("select p.id, " + basis + " as basis\n  from patients p\n where " + where)
                .appendParam("\n order by p.id\n limit ", limit)
                .list(Object[].class).map(rows -> rows.stream().map(row -> new Hit((UUID) row[0], (String) row[1])).toList());
    }

    /** How many patients match, over all pages. */
    public Uni<Long> count(List<Criterion> criteria, AccessScope scope) {
        NativeSql sql = new NativeSql();
        return sql.append("select count(*) from patients p where " + where(sql, criteria, scope)).single(Long.class);
    }

    private static String where(NativeSql sql, List<Criterion> criteria, AccessScope scope) {
        List<String> conditions = new ArrayList<>(List.of("p.status = 'active'"));
        if (scope.restricts()) {
            conditions.add(scope.visible("p.id", sql::param));
        }
        for (Criterion criterion : criteria) {
            conditions.add(condition(sql, criterion));
        }
        return String.join("\n   and ", conditions);
    }

    private static String condition(NativeSql sql, Criterion criterion) {
        if (criterion instanceof PatientCriteria.Ids ids) {
            return ids.anyOf().isEmpty() ? "false"
                    : "p.id in (" + String.join(", ", ids.anyOf().stream().map(sql::param).toList()) + ")";
        }
        if (criterion instanceof PatientCriteria.Names names) {
            return names(sql, names);
        }
        if (criterion instanceof BirthDates dates) {
            return any(dates.anyOf().stream().map(bound -> birthDate(sql, bound)).toList());
        }
        if (criterion instanceof PatientCriteria.Genders genders) {
            return genders.anyOf().isEmpty() ? "false"
                    : "p.sex in (" + String.join(", ", genders.anyOf().stream().map(sql::param).toList()) + ")";
        }
        if (criterion instanceof PatientCriteria.Identifiers identifiers) {
            return any(identifiers.anyOf().stream().map(token -> identifier(sql, token)).toList());
        }
        if (criterion instanceof PatientCriteria.Telecoms telecoms) {
            return any(telecoms.anyOf().stream().map(token -> telecom(sql, token)).toList());
        }
        return ((PatientCriteria.Active) criterion).value() ? "true" : "false";
    }

    private static String names(NativeSql sql, PatientCriteria.Names names) {
        List<String> alternatives = new ArrayList<>();
        List<String> firstWords = new ArrayList<>();
        for (String value : names.anyOf()) {
            if (names.match() == NameMatch.EXACT) {
                // one parameter, referenced by every comparison (an unreferenced parameter is an error)
                String exact = "cast(" + sql.param(value) + " as text)";
                String family = "p.family_name = " + exact;
                String given = exact + " = any(p.given_names)";
                alternatives.add(switch (names.field()) {
                    case FAMILY -> family;
                    case GIVEN -> given;
                    case NAME -> "(" + family + " or " + given + " or p.name_prefix = " + exact
                            + " or p.name_suffix = " + exact + ")";
                });
                continue;
            }
            boolean startsWith = names.match() == NameMatch.STARTS_WITH;
            String pattern = startsWith ? "patient_normalise(" + sql.param(value) + ") || '%'"
                    : "'%' || patient_normalise(" + sql.param(value) + ") || '%'";
            String family = "patient_normalise(p.family_name) like " + pattern;
            String given = "exists (select 1 from unnest(p.given_names) as g(v) where patient_normalise(g.v) like "
                    + pattern + ")";
            alternatives.add(switch (names.field()) {
                case FAMILY -> family;
                case GIVEN -> given;
                // search_name: given names then family name, normalised (V3 migration)
                case NAME -> startsWith ? "(" + family + " or " + given + " or p.search_name like " + pattern + ")"
                        : "p.search_name like " + pattern;
            });
            if (startsWith) {
                firstWords.add("w.word like split_part(patient_normalise(" + sql.param(value) + "), ' ', 1) || '%'");
            }
        }
        String match = any(alternatives);
        if (names.match() == NameMatch.STARTS_WITH) {
            // every matching name has a word starting with the value's first word: narrow through the word index
            return "p.id in (select t.patient_id from patient_name_words w join patient_name_terms t on t.word = w.word"
                    + " where " + String.join(" or ", firstWords) + ")\n   and " + match;
        }
        return match;
    }

    private static String birthDate(NativeSql sql, DateBound bound) {
        return switch (bound.prefix()) {
            case "eq" -> "p.birth_date between " + sql.param(bound.from()) + " and " + sql.param(bound.to());
            case "ne" -> "p.birth_date not between " + sql.param(bound.from()) + " and " + sql.param(bound.to());
            case "gt", "sa" -> "p.birth_date > " + sql.param(bound.to());
            case "lt", "eb" -> "p.birth_date < " + sql.param(bound.from());
            case "ge" -> "p.birth_date >= " + sql.param(bound.from());
            case "le" -> "p.birth_date <= " + sql.param(bound.to());
            default -> throw new IllegalArgumentException("unsupported date prefix");
        };
    }

    // Written as "id in (...)" rather than "exists" per patient, so the planner starts from the identifier indexes.
    private static String identifier(NativeSql sql, IdentifierToken token) {
        if (token.noSystem()) {
            return "false"; // every identifier here has a system
        }
        if (token.system() == null) {
            return "p.id in (select m.id from patients m where m.mrn = " + sql.param(token.value())
                    + " union all select i.patient_id from patient_identifiers i where i.value = " + sql.param(token.value()) + ")";
        }
        if (token.system().equals(IdentifierSystems.MRN)) {
            return token.value() == null ? "true" : "p.mrn = " + sql.param(token.value());
        }
        String systems = String.join(", ", IdentifierSystems.stored(token.system()).stream()
                .map(sql::param).toList());
        return "p.id in (select i.patient_id from patient_identifiers i where i.system in (" + systems + ")"
                + (token.value() == null ? "" : " and i.value = " + sql.param(token.value())) + ")";
    }

    private static String telecom(NativeSql sql, TelecomToken token) {
        return switch (token.kind()) {
            case PHONE -> token.value() == null ? "p.phone is not null" : "p.phone_normalised = " + sql.param(token.value());
            case EMAIL -> token.value() == null ? "p.email is not null" : "lower(p.email) = " + sql.param(token.value());
            case UNSUPPORTED -> "false";
        };
    }

    private static String any(List<String> alternatives) {
        return alternatives.isEmpty() ? "false" : alternatives.size() == 1 ? alternatives.get(0)
                : "(" + String.join(" or ", alternatives) + ")";
    }
}
