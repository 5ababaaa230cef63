package dev.medi.patient.note;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/**
 * An AI draft's evidence map as a JSON array in a text column ({@code clinical_notes.ai_evidence}); {@code null} for
 * notes without one. Own mapper; unknown properties are ignored so an older replica reads what a newer one wrote.
 */
@Converter
public class EvidenceColumn implements AttributeConverter<List<NoteEvidence>, String> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public String convertToDatabaseColumn(List<NoteEvidence> evidence) {
        if (evidence == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence not serialisable", e);
        }
    }

    @Override
    public List<NoteEvidence> convertToEntityAttribute(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return List.copyOf(JSON.readValue(json, new TypeReference<List<NoteEvidence>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is not valid JSON", e);
        }
    }
}
