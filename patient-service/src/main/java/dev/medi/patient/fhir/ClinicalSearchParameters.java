package dev.medi.patient.fhir;

import dev.medi.patient.service.ClinicalReadService;
import dev.medi.patient.observation.VitalSign;
import dev.medi.patient.fhir.PatientSearchParameters.Parameter;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The search parameters of Encounter and Observation. A search is always for one patient ({@code patient} or
 * {@code subject}, required: access is decided per patient, like a read). {@code date} compares with the
 * encounter's start or the observation's effective time, at the precision given (YYYY, YYYY-MM, YYYY-MM-DD),
 * prefixes eq, gt, lt, ge, le, sa, eb; several {@code date} parameters AND.
 */
final class ClinicalSearchParameters {

    static final String ENCOUNTER_STATUS_SYSTEM = "http://hl7.org/fhir/encounter-status";
    private static final String SP = "http://hl7.org/fhir/SearchParameter/";
    static final String CATEGORY_VITAL_SIGNS = "vital-signs";

    /** Supported parameters of one resource type (for the CapabilityStatement). */
    static final List<PatientSearchParameters.Definition> ENCOUNTER = List.of(
            definition("patient", SearchParamType.REFERENCE, SP + "clinical-patient",
                    "The patient (Patient/{id} or {id}); this or subject is required."),
            definition("subject", SearchParamType.REFERENCE, SP + "Encounter-subject", "As patient."),
            definition("date", SearchParamType.DATE, SP + "clinical-date",
                    "The encounter's start, at the precision given; prefixes eq gt lt ge le sa eb."),
            definition("status", SearchParamType.TOKEN, SP + "Encounter-status",
                    "in-progress, finished, cancelled (comma: any of)."));

    static final List<PatientSearchParameters.Definition> OBSERVATION = List.of(
            definition("patient", SearchParamType.REFERENCE, SP + "clinical-patient",
                    "The patient (Patient/{id} or {id}); this or subject is required."),
            definition("subject", SearchParamType.REFERENCE, SP + "Observation-subject", "As patient."),
            definition("date", SearchParamType.DATE, SP + "clinical-date",
                    "The effective time, at the precision given; prefixes eq gt lt ge le sa eb."),
            definition("category", SearchParamType.TOKEN, SP + "Observation-category",
                    "vital-signs (every Observation served is one)."),
            definition("code", SearchParamType.TOKEN, SP + "clinical-code",
                    "LOINC codes (http://loinc.org|8867-4 or 8867-4; comma: any of). 85354-9, 8480-6 and 8462-4 all "
                            + "find the blood pressure panels."));

    private static final Set<String> STORED_STATUSES = Set.of("in-progress", "finished", "cancelled");
    private static final Set<String> CONTROL = Set.of("_count", "_cursor", "_format", "_pretty");

    /**
     * A parsed search.
     *
     * @param statuses stored statuses wanted, {@code null} for all (Encounter)
     * @param codes    stored LOINC codes wanted, {@code null} for all (Observation); empty: nothing can match
     * @param from     at or after, or {@code null}
     * @param to       before, or {@code null}
     * @param none     a criterion no resource here can meet (another category, an unknown code or status)
     */
    record Query(UUID patientId, Set<String> statuses, Set<String> codes, Instant from, Instant to, boolean none,
                 Integer count, String cursor, List<Parameter> used, List<String> ignored) {

        /** What the clinical read service filters on. */
        ClinicalReadService.Filter filter() {
            return new ClinicalReadService.Filter(patientId, statuses, codes, from, to, none);
        }
    }

    private ClinicalSearchParameters() {
    }

    private static PatientSearchParameters.Definition definition(String name, SearchParamType type, String url, String doc) {
        return new PatientSearchParameters.Definition(name, type, url, doc, Set.of());
    }

    static Query parse(String resourceType, List<Parameter> parameters, boolean lenient, int maxCount) {
        List<PatientSearchParameters.Definition> supported = resourceType.equals("Encounter") ? ENCOUNTER : OBSERVATION;
        Set<String> names = new LinkedHashSet<>();
        supported.forEach(definition -> names.add(definition.name()));
        UUID patient = null;
        Set<String> statuses = null;
        Set<String> codes = null;
        Instant from = null;
        Instant to = null;
        boolean none = false;
        Integer count = null;
        String cursor = null;
        List<Parameter> used = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Parameter parameter : parameters) {
            String value = parameter.value() == null ? "" : parameter.value().strip();
            String name = parameter.name();
            if (CONTROL.contains(name)) {
                if (name.equals("_count") && !value.isEmpty()) {
                    count = count(value, maxCount);
                } else if (name.equals("_cursor") && !value.isEmpty()) {
                    cursor = value;
                }
                continue;
            }
            if (!names.contains(name)) {
                if (lenient) {
                    ignored.add(name);
                    continue;
                }
                throw FhirException.notSupported("Unknown or unsupported search parameter '" + name + "' for "
                        + resourceType + "; supported: " + String.join(", ", names) + ".");
            }
            if (value.isEmpty()) {
                continue;
            }
            used.add(new Parameter(name, value));
            switch (name) {
                case "patient", "subject" -> {
                    UUID id = patient(name, value);
                    if (patient != null && !patient.equals(id)) {
                        none = true;
                    }
                    patient = id;
                }
                case "date" -> {
                    dev.medi.patient.repository.PatientCriteria.DateBound bound = PatientSearchParameters.dateBound(name, value);
                    Instant start = bound.from().atStartOfDay(ZoneOffset.UTC).toInstant();
                    Instant end = bound.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    Instant lower = switch (bound.prefix()) {
                        case "eq", "ge" -> start;
                        case "gt", "sa" -> end;
                        default -> null;
                    };
                    Instant upper = switch (bound.prefix()) {
                        case "eq", "le" -> end;
                        case "lt", "eb" -> start;
                        default -> null;
                    };
                    if (bound.prefix().equals("ne")) {
                        throw FhirException.notSupported("Parameter 'date': the prefix ne is not supported.");
                    }
                    from = lower == null ? from : from == null || lower.isAfter(from) ? lower : from;
                    to = upper == null ? to : to == null || upper.isBefore(to) ? upper : to;
                }
                case "status" -> {
                    Set<String> wanted = new LinkedHashSet<>();
                    for (String token : PatientSearchParameters.splitUnescaped(value, ',')) {
                        wanted.add(tokenCode(token, ENCOUNTER_STATUS_SYSTEM));
                    }
                    wanted.retainAll(STORED_STATUSES); // planned, arrived, ... never occur here
                    statuses = intersect(statuses, wanted);
                }
                case "category" -> {
                    boolean vital = PatientSearchParameters.splitUnescaped(value, ',').stream()
                            .anyMatch(token -> CATEGORY_VITAL_SIGNS.equals(tokenCode(token, FhirClinicalMapper.CATEGORY_SYSTEM)));
                    none |= !vital;
                }
                case "code" -> {
                    Set<String> wanted = new LinkedHashSet<>();
                    for (String token : PatientSearchParameters.splitUnescaped(value, ',')) {
                        String code = tokenCode(token, VitalSign.LOINC);
                        if (code == null) {
                            continue;
                        }
                        if (code.equals(VitalSign.BLOOD_PRESSURE_PANEL)) {
                            wanted.add(VitalSign.SYSTOLIC_BP.code());
                        } else {
                            VitalSign.ofCode(code).ifPresent(sign -> wanted.addAll(
                                    sign == VitalSign.DIASTOLIC_BP ? List.of(VitalSign.SYSTOLIC_BP.code()) : sign.codes()));
                        }
                    }
                    codes = intersect(codes, wanted);
                }
                default -> throw new IllegalStateException("unhandled parameter");
            }
        }
        if (patient == null) {
            throw FhirException.invalidParameter("patient", "is required (or subject): a search covers one patient.");
        }
        if (codes == null && resourceType.equals("Observation")) {
            // the diastolic rows are inside their systolic rows' panels
            codes = new LinkedHashSet<>();
            for (VitalSign sign : VitalSign.values()) {
                if (sign != VitalSign.DIASTOLIC_BP) {
                    codes.addAll(sign.codes());
                }
            }
        }
        none |= (codes != null && codes.isEmpty()) || (statuses != null && statuses.isEmpty());
        return new Query(patient, statuses, codes, from, to, none, count, cursor, List.copyOf(used), List.copyOf(ignored));
    }

    /** The code of a token if its system (when given) is {@code system}; {@code null} otherwise. */
    private static String tokenCode(String token, String system) {
        int bar = token.indexOf('|');
        if (bar < 0) {
            return PatientSearchParameters.unescape(token.strip());
        }
        String tokenSystem = token.substring(0, bar);
        return tokenSystem.isEmpty() || tokenSystem.equals(system) ? PatientSearchParameters.unescape(token.substring(bar + 1))
                : null;
    }

    private static Set<String> intersect(Set<String> current, Set<String> wanted) {
        if (current == null) {
            return wanted;
        }
        current.retainAll(wanted);
        return current;
    }

    private static UUID patient(String name, String value) {
        if (value.contains(",")) {
            throw FhirException.notSupported("Parameter '" + name + "': one patient per search.");
        }
        String id = value;
        int slash = value.lastIndexOf("Patient/");
        if (slash >= 0) {
            id = value.substring(slash + "Patient/".length());
        } else if (value.contains("/")) {
            throw FhirException.invalidParameter(name, "must reference a Patient (Patient/{id} or {id}).");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw FhirException.invalidParameter(name, "is not the id of a Patient of this server.");
        }
    }

    private static Integer count(String value, int maxCount) {
        try {
            int count = Integer.parseInt(value);
            if (count < 1) {
                throw FhirException.invalidParameter("_count", "must be at least 1.");
            }
            return Math.min(count, maxCount);
        } catch (NumberFormatException e) {
            throw FhirException.invalidParameter("_count", "must be a whole number.");
        }
    }

    static Map<String, List<PatientSearchParameters.Definition>> all() {
        return Map.of("Encounter", ENCOUNTER, "Observation", OBSERVATION);
    }
}
