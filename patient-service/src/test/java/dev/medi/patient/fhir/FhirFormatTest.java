package dev.medi.patient.fhir;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Content negotiation: _format over Accept, JSON only, FHIR version 4.0. No Quarkus. */
class FhirFormatTest {

    private static String type(String format, String accept) {
        return FhirFormat.negotiate(format, accept, null).mediaType();
    }

    @Test
    void jsonFlavours() {
        assertEquals("application/fhir+json", type(null, null));
        assertEquals("application/fhir+json", type(null, "*/*"));
        assertEquals("application/fhir+json", type(null, "application/fhir+json; fhirVersion=4.0"));
        assertEquals("application/json", type(null, "application/json"));
        assertEquals("application/json", type(null, "application/fhir+xml;q=0.9, application/json;q=0.8"));
        assertEquals("application/fhir+json", type(null, "application/json;q=0.5, application/fhir+json"));
        assertEquals("application/fhir+json", type("json", "application/xml"));
        assertEquals("application/fhir+json", type("application/fhir json", null), "unencoded + in the query");
        assertEquals("application/json", type("application/json", null));
        assertTrue(FhirFormat.negotiate(null, null, "true").pretty());
    }

    @Test
    void everythingElseIs406() {
        assertEquals(406, assertThrows(FhirException.class, () -> type(null, "application/fhir+xml")).status());
        assertEquals(406, assertThrows(FhirException.class, () -> type(null, "application/fhir+json;fhirVersion=5.0")).status());
        assertEquals(406, assertThrows(FhirException.class, () -> type(null, "application/fhir+json;q=0")).status());
        assertEquals(406, assertThrows(FhirException.class, () -> type("xml", null)).status());
        assertEquals(400, assertThrows(FhirException.class, () -> FhirFormat.negotiate(null, null, "yes")).status());
        assertEquals("application/fhir+json", FhirFormat.lenient("xml", "text/html").mediaType(), "errors still answer");
    }
}
