package dev.medi.patient.fhir;

import dev.medi.patient.repository.PatientCriteria;
import dev.medi.patient.service.SearchCursor;
import dev.medi.patient.repository.PatientCriteria.BirthDates;
import dev.medi.patient.repository.PatientCriteria.DateBound;
import dev.medi.patient.repository.PatientCriteria.IdentifierToken;
import dev.medi.patient.repository.PatientCriteria.Identifiers;
import dev.medi.patient.repository.PatientCriteria.NameField;
import dev.medi.patient.repository.PatientCriteria.NameMatch;
import dev.medi.patient.repository.PatientCriteria.Names;
import dev.medi.patient.fhir.PatientSearchParameters.Parameter;
import dev.medi.patient.fhir.PatientSearchParameters.Query;
import dev.medi.patient.repository.PatientCriteria.TelecomKind;
import dev.medi.patient.repository.PatientCriteria.TelecomToken;
import dev.medi.patient.repository.PatientCriteria.Telecoms;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing of Patient search parameters: FHIR's value syntax, prefixes, modifiers, strictness. No Quarkus. */
class PatientSearchParametersTest {

    private static Query parse(String... nameValuePairs) {
        return parse(false, nameValuePairs);
    }

    private static Query parse(boolean lenient, String... nameValuePairs) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            parameters.add(new Parameter(nameValuePairs[i], nameValuePairs[i + 1]));
        }
        return PatientSearchParameters.parse(parameters, lenient, 100, "49");
    }

    private static FhirException rejected(String... nameValuePairs) {
        return assertThrows(FhirException.class, () -> parse(nameValuePairs));
    }

    @Test
    void commasOrRepetitionsAndEscapesAreFhirs() {
        Query query = parse("name", "Anna,Zoë", "name", "Smith\\,Jr");
        assertEquals(List.of(new Names(NameField.NAME, NameMatch.STARTS_WITH, List.of("Anna", "Zoë")),
                new Names(NameField.NAME, NameMatch.STARTS_WITH, List.of("Smith,Jr"))), query.criteria());
        assertEquals(2, query.used().size());
        assertEquals(new Names(NameField.FAMILY, NameMatch.EXACT, List.of("Müller")), parse("family:exact", "Müller").criteria().get(0));
        assertEquals(new Names(NameField.GIVEN, NameMatch.CONTAINS, List.of("nn")), parse("given:contains", "nn").criteria().get(0));
    }

    @Test
    void datesArePrecisionRangesWithPrefixes() {
        assertEquals(new DateBound("eq", LocalDate.of(1990, 1, 1), LocalDate.of(1990, 12, 31)), bound("1990"));
        assertEquals(new DateBound("ge", LocalDate.of(1990, 2, 1), LocalDate.of(1990, 2, 28)), bound("ge1990-02"));
        assertEquals(new DateBound("lt", LocalDate.of(2000, 2, 29), LocalDate.of(2000, 2, 29)), bound("lt2000-02-29"));
        assertEquals(400, rejected("birthdate", "1990-02-29").status());
        assertEquals(400, rejected("birthdate", "19900101").status());
        assertEquals(400, rejected("birthdate", "gt1990-01-01T00:00:00Z").status());
        FhirException approximately = rejected("birthdate", "ap1990");
        assertEquals(IssueType.NOTSUPPORTED, approximately.code());
    }

    private static DateBound bound(String value) {
        return ((BirthDates) parse("birthdate", value).criteria().get(0)).anyOf().get(0);
    }

    @Test
    void identifierTokens() {
        assertEquals(List.of(new IdentifierToken(PatientSearchParameters.MRN_SYSTEM, "1000000064", false)),
                identifiers(PatientSearchParameters.MRN_SYSTEM + "|1000 0000-64"), "MRN separators dropped");
        assertEquals(List.of(new IdentifierToken(null, "X|1", false)), identifiers("X\\|1"));
        assertEquals(List.of(new IdentifierToken(null, "A1", true)), identifiers("|A1"));
        assertEquals(List.of(new IdentifierToken("urn:oid:1.2", null, false)), identifiers("urn:oid:1.2|"));
        assertEquals(400, rejected("identifier", "|").status());
    }

    private static List<IdentifierToken> identifiers(String value) {
        return ((Identifiers) parse("identifier", value).criteria().get(0)).anyOf();
    }

    @Test
    void telecomValuesCompareInNormalForm() {
        assertEquals(List.of(new TelecomToken(TelecomKind.PHONE, "+491511234567")), telecoms("telecom", "0151 123 4567"));
        assertEquals(List.of(new TelecomToken(TelecomKind.EMAIL, "a.b@example.org")), telecoms("telecom", "A.B@Example.org"));
        assertEquals(List.of(new TelecomToken(TelecomKind.PHONE, null)), telecoms("telecom", "phone|"));
        assertEquals(List.of(new TelecomToken(TelecomKind.UNSUPPORTED, "123")), telecoms("telecom", "fax|123"));
        assertEquals(List.of(new TelecomToken(TelecomKind.PHONE, "+491511234567")), telecoms("phone", "+49 151 1234567"));
        assertEquals(List.of(new TelecomToken(TelecomKind.PHONE, "+491511234567")), telecoms("telecom", "phone| 491511234567"),
                "an unencoded + decoded as a space");
        assertEquals(400, rejected("telecom", "pigeon|1").status());
        assertEquals(400, rejected("phone", "call me").status());
    }

    private static List<TelecomToken> telecoms(String name, String value) {
        return ((Telecoms) parse(name, value).criteria().get(0)).anyOf();
    }

    @Test
    void unknownParametersAre400UnlessLenient() {
        FhirException unknown = rejected("name", "x", "address-city", "Köln");
        assertEquals(IssueType.NOTSUPPORTED, unknown.code());
        assertTrue(unknown.diagnostics().contains("address-city"));
        assertEquals(IssueType.NOTSUPPORTED, rejected("name:phonetic", "x").code());
        assertEquals(IssueType.NOTSUPPORTED, rejected("gender:not", "male").code());

        Query lenient = parse(true, "name", "x", "address-city", "Köln", "_sort", "family");
        assertEquals(List.of("address-city", "_sort"), lenient.ignored());
        assertEquals(List.of(new Parameter("name", "x")), lenient.used());
    }

    @Test
    void controlParametersAreNotCriteria() {
        Query query = parse("family", "x", "_count", "500", "_cursor", "abc", "_format", "json", "_pretty", "true", "given", "");
        assertEquals(1, query.criteria().size(), "empty values are ignored");
        assertEquals(100, query.count(), "clamped to the maximum");
        assertEquals("abc", query.cursor());
        assertEquals(0, parse("family", "x", "_count", "0").count());
        assertEquals(400, rejected("family", "x", "_count", "ten").status());
        assertEquals(400, rejected("_count", "10").status(), "no criterion");
        assertEquals(400, rejected("name", "--").status(), "no letters");
    }

    @Test
    void otherValues() {
        assertEquals(List.of(), ((PatientCriteria.Ids) parse("_id", "nope").criteria().get(0)).anyOf());
        UUID id = UUID.randomUUID();
        assertEquals(List.of(id), ((PatientCriteria.Ids) parse("_id", id.toString()).criteria().get(0)).anyOf());
        assertEquals(List.of("female"), ((PatientCriteria.Genders) parse("gender", "female").criteria().get(0)).anyOf());
        assertEquals(List.of(), ((PatientCriteria.Genders) parse("gender", "urn:other|female").criteria().get(0)).anyOf());
        assertEquals(400, rejected("gender", "woman").status());
        assertEquals(new PatientCriteria.Active(true), parse("active", "true,false").criteria().get(0));
        assertEquals(new PatientCriteria.Active(false), parse("active", "false").criteria().get(0));
        assertEquals(400, rejected("active", "yes").status());
    }

    @Test
    void identifierSystemsAreAbsoluteUris() {
        assertEquals("urn:oid:1.2.276.0.76.4.8", PatientSearchParameters.fhirSystem("urn:oid:1.2.276.0.76.4.8"));
        assertEquals("https://medi-os.dev/fhir/sid/local/national-id", PatientSearchParameters.fhirSystem("national-id"));
        assertEquals(List.of("https://medi-os.dev/fhir/sid/local/national-id", "national-id"),
                PatientSearchParameters.storedSystems("https://medi-os.dev/fhir/sid/local/national-id"));
    }

    @Test
    void cursorsBelongToOneSearch() {
        UUID last = UUID.randomUUID();
        String fingerprint = PatientSearchParameters.fingerprint(List.of(new Parameter("family", "x"), new Parameter("gender", "male")));
        assertEquals(fingerprint, PatientSearchParameters.fingerprint(List.of(new Parameter("gender", "male"), new Parameter("family", "x"))));
        String cursor = SearchCursor.encode(last, fingerprint);
        assertEquals(last, SearchCursor.decodeId(cursor, fingerprint).orElseThrow());
        assertTrue(SearchCursor.decodeId(cursor, PatientSearchParameters.fingerprint(List.of(new Parameter("family", "y")))).isEmpty());
        assertTrue(SearchCursor.decodeId("%%%", fingerprint).isEmpty());
    }
}
