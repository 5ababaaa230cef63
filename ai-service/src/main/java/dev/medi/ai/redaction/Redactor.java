package dev.medi.ai.redaction;

/**
 * PHI redaction before every model call: names, MRN and other identifiers, phone numbers, e-mail addresses, postal
 * addresses, exact dates (shifted) and ages over 89 leave the service only as placeholders.
 */
public interface Redactor {

    /** Redacts one text; {@code shiftDays} is the date shift of the whole request (the same for all its texts). */
    Redaction redact(String text, PatientIdentifiers identifiers, int shiftDays);

    /** The model's answer with the placeholders and shifted dates of {@code redaction} put back. */
    String restore(String answer, Redaction redaction);
}
