package dev.medi.patient.rest;

import dev.medi.patient.note.NoteAddendum;
import dev.medi.patient.note.NoteProvenance;
import dev.medi.patient.note.SoapContent;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the note endpoints. */
final class NoteRequests {

    private NoteRequests() {
    }

    /**
     * A draft: the SOAP sections (at least one), optionally who is to sign it and, for AI drafts, the provenance.
     *
     * @param signer the doctor expected to sign (user name); default: the author when a doctor
     */
    record CreateNote(@Size(max = SoapContent.MAX_SECTION) String subjective,
                      @Size(max = SoapContent.MAX_SECTION) String objective,
                      @Size(max = SoapContent.MAX_SECTION) String assessment,
                      @Size(max = SoapContent.MAX_SECTION) String plan,
                      @Size(min = 1, max = 200) String signer,
                      @Valid Provenance provenance) {

        SoapContent content() {
            return NoteRequests.content(subjective, objective, assessment, plan);
        }
    }

    /** The draft's new content; all four sections are replaced (absent = empty). */
    record UpdateNote(@Size(max = SoapContent.MAX_SECTION) String subjective,
                      @Size(max = SoapContent.MAX_SECTION) String objective,
                      @Size(max = SoapContent.MAX_SECTION) String assessment,
                      @Size(max = SoapContent.MAX_SECTION) String plan) {

        SoapContent content() {
            return NoteRequests.content(subjective, objective, assessment, plan);
        }
    }

    /**
     * Gives a draft to another doctor to sign.
     *
     * @param signer the doctor to sign (user name)
     * @param reason why (kept with the note, not in the audit trail)
     */
    record ReassignSigner(@NotBlank @Size(max = 200) String signer,
                          @NotBlank @Size(max = dev.medi.patient.note.NoteSignerChange.MAX_REASON) String reason) {
    }

    /** Where an AI draft came from. */
    record Provenance(@NotNull Boolean aiGenerated,
                      @Size(max = 200) String model,
                      @Size(max = 100) String promptVersion,
                      @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:-]+") String sourceTranscriptId) {

        NoteProvenance toProvenance() {
            try {
                return new NoteProvenance(aiGenerated, model, promptVersion, sourceTranscriptId);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemType.VALIDATION, "The provenance is incomplete.", List.of(
                        new Problem.FieldError("provenance", aiGenerated
                                ? "an AI draft needs model and promptVersion"
                                : "model, promptVersion and sourceTranscriptId are only for AI drafts")));
            }
        }
    }

    /** A signed correction or addition. */
    record CreateAddendum(@NotBlank @Size(max = NoteAddendum.MAX_TEXT) String text) {
    }

    private static SoapContent content(String subjective, String objective, String assessment, String plan) {
        SoapContent content = new SoapContent(subjective, objective, assessment, plan);
        if (content.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "A note needs at least one section.",
                    List.of(new Problem.FieldError("body", "subjective, objective, assessment or plan must not be blank")));
        }
        return content;
    }
}
