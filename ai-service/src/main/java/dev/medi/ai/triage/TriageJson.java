package dev.medi.ai.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/**
 * The suggestion's lists and vitals as JSON text columns (Hibernate Reactive binds JSON columns as objects only; the
 * database checks the text is JSON). Own mapper, independent of the REST layer's settings; unknown properties are
 * ignored when reading, so an older replica reads what a newer one wrote.
 */
final class TriageJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private TriageJson() {
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored value is not valid JSON", e);
        }
    }

    @Converter
    static final class StringList implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> values) {
            return write(values == null ? List.of() : values);
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            return json == null || json.isBlank() ? List.of() : List.copyOf(read(json, new TypeReference<List<String>>() {
            }));
        }
    }

    @Converter
    static final class VitalsJson implements AttributeConverter<TriageVitals, String> {
        @Override
        public String convertToDatabaseColumn(TriageVitals vitals) {
            return vitals == null ? null : write(vitals);
        }

        @Override
        public TriageVitals convertToEntityAttribute(String json) {
            return json == null || json.isBlank() ? null : read(json, new TypeReference<TriageVitals>() {
            });
        }
    }
}
