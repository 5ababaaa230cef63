package dev.medi.patient.fhir;

import io.smallrye.config.ConfigMapping;

import java.net.URI;

/** Settings of the FHIR R4 API. */
@ConfigMapping(prefix = "medi.patient.fhir")
public interface FhirConfig {

    /**
     * The public base URL of the FHIR API as clients reach it (through the gateway), e.g.
     * {@code https://clinic.example.org/fhir/r4}: the base of {@code fullUrl}s, paging links and the
     * CapabilityStatement's {@code implementation.url}. Required: never taken from the request, whose
     * {@code Host} (or {@code X-Forwarded-Host}) any caller can set, and which behind the gateway names the
     * service's internal address.
     */
    URI baseUrl();
}
