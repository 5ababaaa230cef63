package dev.medi.patient.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.medi.patient.service.PossibleDuplicateException;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The 409 answer to a registration that looks like a duplicate: an RFC 9457 problem with the extension member
 * {@code candidates}, holding only what the desk needs to recognise the person.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DuplicateWarning(URI type, String title, int status, String detail, String instance, String requestId,
                               List<Candidate> candidates) {

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
