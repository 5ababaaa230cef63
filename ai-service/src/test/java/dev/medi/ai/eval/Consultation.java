package dev.medi.ai.eval;

import dev.medi.ai.redaction.PatientIdentifiers;
import dev.medi.ai.scribe.DraftSentence;
import dev.medi.ai.scribe.SoapSection;
import java.time.LocalDate;
import java.util.List;

/**
 * One synthetic consultation of the evaluation set ({@code eval/consultations/*.json}): the transcript as labelled
 * plain text (segment ids s1, s2, … are its turns in order), the reference SOAP note whose sentences cite the turns
 * they rest on, the identifiers seeded into the transcript, and sentences a faulty model might write. All people are
 * fictional.
 */
public record Consultation(String id, String title, String setting, String transcript, Identifiers identifiers,
                           List<Sentence> reference, List<FaultySentence> faulty) {

    public Consultation {
        reference = List.copyOf(reference);
        faulty = List.copyOf(faulty);
    }

    /** A sentence of the reference note: its section, text and the segments it rests on. */
    public record Sentence(SoapSection section, String text, List<String> segments) {

        public DraftSentence asDraft() {
            return new DraftSentence(section, text, segments);
        }
    }

    /**
     * A sentence a bad model might write, with the citations it claims, the kind of fault and why it is wrong. The
     * faithfulness check must flag it.
     */
    public record FaultySentence(SoapSection section, String text, List<String> segments, Fault fault, String why) {

        public DraftSentence asDraft() {
            return new DraftSentence(section, text, segments);
        }
    }

    /** The kinds of unfaithful sentences in the set. */
    public enum Fault {
        /** A drug that is never mentioned (or one explicitly not given). */
        UNMENTIONED_MEDICATION,
        /** A dose, frequency or duration of a mentioned drug changed. */
        CHANGED_DOSE,
        /** A negated finding or symptom written as present ("denies chest pain" → "chest pain"). */
        DROPPED_NEGATION,
        /** A measurement, score or count changed. */
        CHANGED_NUMBER,
        /** A finding, result or action that did not happen. */
        INVENTED_FINDING,
        /** Left and right swapped. */
        SWAPPED_SIDE,
        /** A true statement citing a segment that does not say it. */
        WRONG_CITATION
    }

    /** The patient's record identifiers (what the redactor is given) and the strings seeded into the transcript. */
    public record Identifiers(Record record, List<Seeded> seeded) {

        public Identifiers {
            seeded = List.copyOf(seeded);
        }
    }

    /** Identifiers as the patient's record holds them (the redactor's input). */
    public record Record(List<String> names, String mrn, LocalDate birthDate, List<String> phones, List<String> emails,
                         List<String> addressLines, List<String> otherIdentifiers) {

        public PatientIdentifiers toPatientIdentifiers() {
            return new PatientIdentifiers(names, mrn, birthDate, phones, emails, addressLines, otherIdentifiers);
        }
    }

    /** An identifier as it literally occurs in the transcript; it must be absent from the redacted transcript. */
    public record Seeded(Kind kind, String text) {
    }

    public enum Kind {
        NAME, MRN, DATE, PHONE, EMAIL, ADDRESS, AGE, OTHER
    }
}
