package dev.medi.ai.redaction;

import java.util.Map;

/**
 * Text with its identifiers replaced by placeholders ("[NAME_1]", "[MRN_1]", …) and its dates shifted by
 * {@code dateShiftDays}; {@link Redactor#restore} puts the originals back into a model's answer for the clinician.
 */
public record Redaction(String text, Map<String, String> placeholders, int dateShiftDays) {

    public Redaction {
        placeholders = Map.copyOf(placeholders);
    }
}
