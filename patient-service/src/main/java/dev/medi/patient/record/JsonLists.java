package dev.medi.patient.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.List;

/**
 * The patient's value lists as JSON arrays in text columns. (Hibernate Reactive binds JSON columns as
 * objects only; the database checks the text is a JSON array, and its triggers read it as jsonb.)
 * Own mapper, independent of the REST layer's settings; unknown properties are ignored when reading so an
 * older replica can read what a newer one wrote.
 */
public final class JsonLists {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonLists() {
    }

    private static <T> String write(List<T> values) {
        try {
            return JSON.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("list not serialisable", e);
        }
    }

    private static <T> List<T> read(String json, TypeReference<List<T>> type) {
        if (json == null || json.isBlank()) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list is not valid JSON", e);
        }
    }

    @Converter
    public static final class IdentifierList implements AttributeConverter<List<Identifier>, String> {
        @Override
        public String convertToDatabaseColumn(List<Identifier> values) {
            return write(values);
        }

        @Override
        public List<Identifier> convertToEntityAttribute(String json) {
            return read(json, new TypeReference<>() {
            });
        }
    }

    @Converter
    public static final class AllergyList implements AttributeConverter<List<Allergy>, String> {
        @Override
        public String convertToDatabaseColumn(List<Allergy> values) {
            return write(values);
        }

        @Override
        public List<Allergy> convertToEntityAttribute(String json) {
            return read(json, new TypeReference<>() {
            });
        }
    }
}
