package dev.medi.patient.fhir;

import dev.medi.patient.coded.Coded;
import dev.medi.patient.record.AdministrativeGender;
import dev.medi.patient.record.IdentifierSystems;
import dev.medi.patient.record.MedicalRecordNumber;
import dev.medi.patient.record.PhoneNumbers;
import dev.medi.patient.repository.PatientCriteria.Active;
import dev.medi.patient.service.SearchCursor;
import dev.medi.patient.repository.PatientCriteria.BirthDates;
import dev.medi.patient.repository.PatientCriteria.Criterion;
import dev.medi.patient.repository.PatientCriteria.DateBound;
import dev.medi.patient.repository.PatientCriteria.Genders;
import dev.medi.patient.repository.PatientCriteria.IdentifierToken;
import dev.medi.patient.repository.PatientCriteria.Identifiers;
import dev.medi.patient.repository.PatientCriteria.Ids;
import dev.medi.patient.repository.PatientCriteria.NameField;
import dev.medi.patient.repository.PatientCriteria.NameMatch;
import dev.medi.patient.repository.PatientCriteria.Names;
import dev.medi.patient.repository.PatientCriteria.TelecomKind;
import dev.medi.patient.repository.PatientCriteria.TelecomToken;
import dev.medi.patient.repository.PatientCriteria.Telecoms;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Patient search parameters this server supports, and the parsing of a search request into criteria
 * (FHIR R4 §3.1.1 "Search"). Plain Java, no I/O: {@link dev.medi.patient.repository.PatientCriteriaRepository} turns the criteria into SQL.
 *
 * <p>Semantics: repeating a parameter ANDs its values, a comma inside one value ORs them; {@code \,}, {@code \|},
 * {@code \$} and {@code \\} escape. Parameters with an empty value are ignored (FHIR). Strict by default: an
 * unknown parameter or modifier is a 400 OperationOutcome; with {@code Prefer: handling=lenient} it is ignored,
 * left out of the self link and reported as a warning.
 */
public final class PatientSearchParameters {

    /** Naming system of the clinic's medical record numbers. */
    public static final String MRN_SYSTEM = IdentifierSystems.MRN;
    /** See {@link IdentifierSystems#LOCAL_BASE}. */
    public static final String LOCAL_SYSTEM_BASE = IdentifierSystems.LOCAL_BASE;
    public static final String GENDER_SYSTEM = "http://hl7.org/fhir/administrative-gender";

    /** A supported search parameter, as the CapabilityStatement lists it. */
    public record Definition(String name, SearchParamType type, String definition, String documentation,
                             Set<String> modifiers) {
    }

    private static final String SP = "http://hl7.org/fhir/SearchParameter/";

    public static final List<Definition> SUPPORTED = List.of(
            new Definition("_id", SearchParamType.TOKEN, SP + "Resource-id", "The patient's logical id.", Set.of()),
            new Definition("name", SearchParamType.STRING, SP + "Patient-name",
                    "Starts with (case- and accent-insensitive) the family name, a given name, or the full name in "
                            + "given-then-family order. :exact compares family and given names, prefix and suffix "
                            + "exactly; :contains finds the text anywhere in the full name.", Set.of("exact", "contains")),
            new Definition("family", SearchParamType.STRING, SP + "individual-family",
                    "Family name starts with (case- and accent-insensitive); :exact, :contains.", Set.of("exact", "contains")),
            new Definition("given", SearchParamType.STRING, SP + "individual-given",
                    "A given name starts with (case- and accent-insensitive); :exact, :contains.", Set.of("exact", "contains")),
            new Definition("birthdate", SearchParamType.DATE, SP + "individual-birthdate",
                    "YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed eq, ne, gt, lt, ge, le, sa, eb (not ap).", Set.of()),
            new Definition("gender", SearchParamType.TOKEN, SP + "individual-gender",
                    "male | female | other | unknown (system " + GENDER_SYSTEM + ").", Set.of()),
            new Definition("identifier", SearchParamType.TOKEN, SP + "Patient-identifier",
                    "system|value, value, or system|. The medical record number has the system " + MRN_SYSTEM + ".",
                    Set.of()),
            new Definition("telecom", SearchParamType.TOKEN, SP + "individual-telecom",
                    "phone|number, email|address, or a bare value (an e-mail address if it contains @). Phone "
                            + "numbers compare in international form, e-mail addresses case-insensitively.", Set.of()),
            new Definition("phone", SearchParamType.TOKEN, SP + "individual-phone",
                    "A phone number, compared in international form.", Set.of()),
            new Definition("email", SearchParamType.TOKEN, SP + "individual-email",
                    "An e-mail address, compared case-insensitively.", Set.of()),
            new Definition("active", SearchParamType.TOKEN, SP + "Patient-active",
                    "true or false. Every patient this API returns is active.", Set.of()));

    /** Result and format parameters: accepted, not criteria. */
    static final Set<String> CONTROL = Set.of("_count", "_cursor", "_format", "_pretty");

    private static final Map<String, Definition> BY_NAME = indexByName();

    // ---- criteria ----

    /** A query parameter as received (name with modifier, decoded value). */
    public record Parameter(String name, String value) {
    }

    /**
     * A parsed search.
     *
     * @param criteria  all must hold
     * @param count     {@code _count} as asked (clamped to the maximum), {@code null} when not given
     * @param cursor    {@code _cursor}, {@code null} on the first page
     * @param used      the criteria parameters applied, in order: for the self and next links
     * @param ignored   parameters ignored under lenient handling
     */
    public record Query(List<Criterion> criteria, Integer count, String cursor, List<Parameter> used,
                        List<String> ignored) {
    }

    private static final Pattern DATE = Pattern.compile("(eq|ne|gt|lt|ge|le|sa|eb|ap)?([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?");
    private static final Set<String> CONTACT_POINT_SYSTEMS = Set.of("phone", "fax", "email", "pager", "url", "sms", "other");

    private PatientSearchParameters() {
    }

    /**
     * Parses the query parameters of {@code GET Patient?...}.
     *
     * @param lenient            ignore unknown parameters and modifiers instead of failing
     * @param maxCount           the largest page size; larger {@code _count}s are reduced to it
     * @param phoneCountryCode   calling code for nationally written phone numbers (see {@link PhoneNumbers})
     * @throws FhirException 400 for unknown parameters (strict), bad values, or no criterion at all
     */
    public static Query parse(List<Parameter> parameters, boolean lenient, int maxCount, String phoneCountryCode) {
        List<Criterion> criteria = new ArrayList<>();
        List<Parameter> used = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Integer count = null;
        String cursor = null;
        for (Parameter parameter : parameters) {
            String fullName = parameter.name();
            String value = parameter.value() == null ? "" : parameter.value();
            int colon = fullName.indexOf(':');
            String name = colon < 0 ? fullName : fullName.substring(0, colon);
            String modifier = colon < 0 ? null : fullName.substring(colon + 1);
            if (CONTROL.contains(name) && modifier == null) {
                if (name.equals("_count") && !value.isBlank()) {
                    count = count(value, maxCount);
                } else if (name.equals("_cursor") && !value.isBlank()) {
                    cursor = value.strip();
                }
                continue; // _format and _pretty are the resource's business
            }
            Definition definition = BY_NAME.get(name);
            if (definition == null || (modifier != null && !definition.modifiers().contains(modifier))) {
                String problem = definition == null
                        ? "Search parameter '" + fullName + "' is not supported for Patient."
                        : "Modifier ':" + modifier + "' is not supported for '" + name + "'.";
                if (!lenient) {
                    throw FhirException.notSupported(problem + " Supported: " + supportedNames()
                            + ". Send Prefer: handling=lenient to ignore unknown parameters.");
                }
                ignored.add(fullName);
                continue;
            }
            if (value.isBlank()) {
                continue;
            }
            criteria.add(criterion(name, modifier, fullName, value, phoneCountryCode));
            used.add(new Parameter(fullName, value));
        }
        if (criteria.isEmpty()) {
            throw new FhirException(400, org.hl7.fhir.r4.model.OperationOutcome.IssueType.INVALID,
                    "Give at least one search parameter (" + supportedNames() + ").");
        }
        return new Query(List.copyOf(criteria), count, cursor, List.copyOf(used), List.copyOf(ignored));
    }

    /**
     * The fingerprint that binds a {@code _cursor} to its search ({@link SearchCursor}): a hash of the criteria,
     * independent of their order.
     */
    public static String fingerprint(List<Parameter> criteria) {
        StringBuilder canonical = new StringBuilder();
        criteria.stream().sorted(Comparator.comparing(Parameter::name).thenComparing(Parameter::value))
                .forEach(p -> canonical.append(p.name()).append('\u0000').append(p.value()).append('\u0001'));
        return SearchCursor.hash(canonical.toString());
    }

    /** The absolute URI a stored identifier system is published with. */
    public static String fhirSystem(String storedSystem) {
        return IdentifierSystems.published(storedSystem);
    }

    /** The stored systems a FHIR system can stand for. */
    public static List<String> storedSystems(String fhirSystem) {
        return IdentifierSystems.stored(fhirSystem);
    }

    private static Criterion criterion(String name, String modifier, String fullName, String value, String countryCode) {
        List<String> values = splitUnescaped(value, ',');
        return switch (name) {
            case "_id" -> new Ids(values.stream().map(PatientSearchParameters::unescape)
                    .map(PatientSearchParameters::uuidOrNull).filter(java.util.Objects::nonNull).toList());
            case "name", "family", "given" -> names(name, modifier, fullName, values);
            case "birthdate" -> new BirthDates(values.stream().map(v -> dateBound(fullName, unescape(v).strip())).toList());
            case "gender" -> new Genders(values.stream().map(v -> gender(fullName, v)).filter(java.util.Objects::nonNull).toList());
            case "identifier" -> new Identifiers(values.stream().map(v -> identifier(fullName, v)).toList());
            case "telecom" -> new Telecoms(values.stream().map(v -> telecom(fullName, v, countryCode)).toList());
            case "phone" -> new Telecoms(values.stream().map(v -> phone(fullName, lastPart(v), countryCode)).toList());
            case "email" -> new Telecoms(values.stream().map(v -> email(lastPart(v))).toList());
            case "active" -> active(fullName, values);
            default -> throw new IllegalStateException("supported parameter without criterion: " + name);
        };
    }

    private static Names names(String name, String modifier, String fullName, List<String> values) {
        NameField field = NameField.valueOf(name.toUpperCase(Locale.ROOT));
        NameMatch match = modifier == null ? NameMatch.STARTS_WITH
                : modifier.equals("exact") ? NameMatch.EXACT : NameMatch.CONTAINS;
        List<String> texts = new ArrayList<>();
        for (String raw : values) {
            String text = unescape(raw).strip();
            if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw FhirException.invalidParameter(fullName, "must contain letters or digits.");
            }
            if (text.length() > 200) {
                throw FhirException.invalidParameter(fullName, "is longer than 200 characters.");
            }
            texts.add(text);
        }
        return new Names(field, match, List.copyOf(texts));
    }

    static DateBound dateBound(String parameter, String value) {
        Matcher matcher = DATE.matcher(value);
        if (!matcher.matches()) {
            throw FhirException.invalidParameter(parameter,
                    "must be a date YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed eq, ne, gt, lt, ge, le, sa or eb.");
        }
        String prefix = matcher.group(1) == null ? "eq" : matcher.group(1);
        if (prefix.equals("ap")) {
            throw FhirException.notSupported("Parameter '" + parameter + "': the prefix ap is not supported.");
        }
        try {
            int year = Integer.parseInt(matcher.group(2));
            if (matcher.group(3) == null) {
                return new DateBound(prefix, Year.of(year).atDay(1), Year.of(year).atMonth(12).atEndOfMonth());
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(matcher.group(3)));
            if (matcher.group(4) == null) {
                return new DateBound(prefix, month.atDay(1), month.atEndOfMonth());
            }
            LocalDate day = LocalDate.parse(matcher.group(2) + "-" + matcher.group(3) + "-" + matcher.group(4));
            return new DateBound(prefix, day, day);
        } catch (java.time.DateTimeException e) {
            throw FhirException.invalidParameter(parameter, "is not a valid date.");
        }
    }

    private static String gender(String parameter, String raw) {
        int bar = indexOfUnescaped(raw, '|');
        String system = bar < 0 ? null : unescape(raw.substring(0, bar)).strip();
        String code = unescape(bar < 0 ? raw : raw.substring(bar + 1)).strip();
        if (Coded.find(AdministrativeGender.class, code).isEmpty()) {
            throw FhirException.invalidParameter(parameter, "must be male, female, other or unknown.");
        }
        // a code of another system (or of none) cannot be a Patient.gender
        return system == null || system.equals(GENDER_SYSTEM) ? code : null;
    }

    private static IdentifierToken identifier(String parameter, String raw) {
        int bar = indexOfUnescaped(raw, '|');
        if (bar < 0) {
            return new IdentifierToken(null, nonEmpty(parameter, unescape(raw).strip()), false);
        }
        String system = unescape(raw.substring(0, bar)).strip();
        String value = unescape(raw.substring(bar + 1)).strip();
        if (system.isEmpty()) {
            return new IdentifierToken(null, nonEmpty(parameter, value), true);
        }
        if (system.equals(MRN_SYSTEM) && !value.isEmpty()) {
            value = MedicalRecordNumber.parse(value).orElse(value);
        }
        return new IdentifierToken(system, value.isEmpty() ? null : value, false);
    }

    private static TelecomToken telecom(String parameter, String raw, String countryCode) {
        int bar = indexOfUnescaped(raw, '|');
        String unstripped = unescape(bar < 0 ? raw : raw.substring(bar + 1));
        String value = unstripped.strip();
        if (bar < 0) {
            return value.contains("@") ? email(value) : phone(parameter, unstripped, countryCode);
        }
        String system = unescape(raw.substring(0, bar)).strip();
        if (!CONTACT_POINT_SYSTEMS.contains(system)) {
            throw FhirException.invalidParameter(parameter, "the system must be a ContactPoint system (phone, email, ...).");
        }
        if (value.isEmpty()) {
            return new TelecomToken(kind(system), null);
        }
        return switch (kind(system)) {
            case PHONE -> phone(parameter, unstripped, countryCode);
            case EMAIL -> email(value);
            case UNSUPPORTED -> new TelecomToken(TelecomKind.UNSUPPORTED, value);
        };
    }

    private static TelecomKind kind(String system) {
        return switch (system) {
            case "phone" -> TelecomKind.PHONE;
            case "email" -> TelecomKind.EMAIL;
            default -> TelecomKind.UNSUPPORTED; // not recorded here: matches nothing
        };
    }

    private static TelecomToken phone(String parameter, String value, String countryCode) {
        // "+49..." sent unencoded in a query string arrives as " 49..."
        String number = value.length() > 1 && value.charAt(0) == ' ' && Character.isDigit(value.charAt(1))
                ? "+" + value.substring(1) : value;
        String normalised = PhoneNumbers.normalise(number, countryCode);
        if (normalised == null) {
            throw FhirException.invalidParameter(parameter, "a phone number must contain digits.");
        }
        return new TelecomToken(TelecomKind.PHONE, normalised);
    }

    private static TelecomToken email(String value) {
        return new TelecomToken(TelecomKind.EMAIL, value.strip().toLowerCase(Locale.ROOT));
    }

    private static Active active(String parameter, List<String> values) {
        Set<Boolean> wanted = new LinkedHashSet<>();
        for (String raw : values) {
            String value = lastPart(raw).strip();
            if (!value.equals("true") && !value.equals("false")) {
                throw FhirException.invalidParameter(parameter, "must be true or false.");
            }
            wanted.add(Boolean.parseBoolean(value));
        }
        // every patient served is active: "false" alone matches nothing, with "true" everything
        return new Active(wanted.contains(true));
    }

    private static Integer count(String value, int maxCount) {
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 0) {
                return Math.min(count, maxCount);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw FhirException.invalidParameter("_count", "must be a whole number from 0.");
    }

    private static String nonEmpty(String parameter, String value) {
        if (value.isEmpty()) {
            throw FhirException.invalidParameter(parameter, "needs a value.");
        }
        return value;
    }

    /** The value of {@code [system|]value}, unescaped. */
    private static String lastPart(String raw) {
        int bar = indexOfUnescaped(raw, '|');
        return unescape(bar < 0 ? raw : raw.substring(bar + 1));
    }

    static List<String> splitUnescaped(String value, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == separator) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts.stream().filter(part -> !part.isBlank()).toList();
    }

    private static int indexOfUnescaped(String value, char wanted) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == wanted) {
                return i;
            }
        }
        return -1;
    }

    static String unescape(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                plain.append(value.charAt(++i));
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    private static UUID uuidOrNull(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null; // not an id this server issues: matches nothing
        }
    }

    private static String supportedNames() {
        return String.join(", ", BY_NAME.keySet());
    }

    private static Map<String, Definition> indexByName() {
        Map<String, Definition> byName = new java.util.LinkedHashMap<>();
        for (Definition definition : SUPPORTED) {
            byName.put(definition.name(), definition);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
