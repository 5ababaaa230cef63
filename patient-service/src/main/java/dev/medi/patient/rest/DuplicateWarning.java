package dev.medi.patient.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.medi.patient.service.PossibleDuplicateException;
import dev.medi.platform.defaults.ProblemException;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The 409 answer to a registration that looks like a duplicate: an RFC 9457 problem with the extension member
 * {@code candidates}, holding only what the desk needs to recognise the person. The platform's mapper writes it
 * from {@link #problem}; this record is its schema in the OpenAPI document.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DuplicateWarning(URI type, String title, int status, String detail, String instance, String requestId,
                               List<Candidate> candidates) {

    /** The duplicate refusal with its candidates as the API shows them (never the records themselves). */
    static ProblemException problem(PossibleDuplicateException e) {
        return new ProblemException(e.kind(), e.detail(),
                Map.of("candidates", e.candidates().stream().map(Candidate::of).toList()));
    }

    /**
     * @param matchedOn {@code birthDate+name} and/or {@code phone}
     */
    public record Candidate(UUID id, String mrn, String familyName, List<String> givenNames, LocalDate birthDate,
                            List<String> matchedOn) {

        static Candidate of(PossibleDuplicateException.Candidate candidate) {
            var patient = candidate.patient();
            List<String> matchedOn = new ArrayList<>();
            if (candidate.sameBirthDateAndSimilarName()) {
                matchedOn.add("birthDate+name");
            }
            if (candidate.samePhone()) {
                matchedOn.add("phone");
            }
            return new Candidate(patient.id(), patient.mrn(), patient.name().family(), patient.name().given(),
                    patient.birthDate(), matchedOn);
        }
    }
}
