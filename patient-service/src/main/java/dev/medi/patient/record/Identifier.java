package dev.medi.patient.record;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An identifier issued by someone else (FHIR Identifier): national id, insurance number. A value belongs
 * to at most one active patient per system, and a patient has at most one value per system.
 *
 * @param system the namespace, a URI or a short name, e.g. {@code urn:oid:1.2.276.0.76.4.8} or {@code national-id}
 * @param value  the identifier in that namespace, compared exactly
 */
public record Identifier(
        @NotNull @Pattern(regexp = "[A-Za-z][A-Za-z0-9+.:/_-]{0,199}", message = "must be a URI or a short name") String system,
        @NotBlank @Size(max = 100) String value) {

    public Identifier normalised() {
        return new Identifier(system, value.strip());
    }
}
