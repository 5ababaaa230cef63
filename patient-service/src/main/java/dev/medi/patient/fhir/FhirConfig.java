package dev.medi.patient.fhir;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Settings of the FHIR R4 API. */
@ConfigMapping(prefix = "medi.patient.fhir")
public interface FhirConfig {

    /**
     * The public base URL of the FHIR API as clients reach it (through the gateway), e.g.
     * {@code https://clinic.example.org/fhir/r4}: the base of {@code fullUrl}s, paging links and the
     * CapabilityStatement's {@code implementation.url}. Unset: taken from the request (Host header).
     */
    Optional<String> baseUrl();
}
