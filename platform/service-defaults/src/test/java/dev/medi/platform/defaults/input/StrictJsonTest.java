package dev.medi.platform.defaults.input;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonTest {

    record Person(String name, List<String> aliases, Map<String, String> tags, LocalDate birthDate, int age,
                  boolean active, Instant seenAt, OffsetDateTime bookedAt) {
    }

    private final ObjectMapper mapper = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void plainInputStillReads() throws Exception {
        Person person = mapper.readValue("""
                {"name":"Jo \\ud83d\\ude00","aliases":["J"],"tags":{"k":"v"},"birthDate":"1990-02-28","age":35,
                 "active":true,"seenAt":"2026-12-04T10:00:00Z","bookedAt":"2026-12-04T10:00:00+01:00"}""", Person.class);
        assertEquals("Jo \uD83D\uDE00", person.name());
        assertEquals(LocalDate.of(1990, 2, 28), person.birthDate());
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedWhereverTextIs() {
        UnstorableInputException inName = assertThrows(UnstorableInputException.class,
                () -> mapper.readValue("{\"name\":\"a\\u0000b\"}", Person.class));
        assertEquals("name", inName.getPath().get(0).getFieldName());
        assertThrows(UnstorableInputException.class, () -> mapper.readValue("{\"name\":\"a\\ud800\"}", Person.class));
        assertThrows(UnstorableInputException.class, () -> mapper.readValue("{\"name\":\"\\udc00a\"}", Person.class));
        assertThrows(UnstorableInputException.class, () -> mapper.readValue("{\"aliases\":[\"ok\",\"a\\u0000\"]}", Person.class));
        assertThrows(UnstorableInputException.class, () -> mapper.readValue("{\"tags\":{\"k\":\"\\u0000\"}}", Person.class));
        assertThrows(UnstorableInputException.class, () -> mapper.readValue("{\"tags\":{\"\\u0000\":\"v\"}}", Person.class));
        assertThrows(UnstorableInputException.class, () -> mapper.readValue("{\"x\":[\"\\u0000\"]}", Map.class));
        // a raw (UTF-8 encoded) NUL byte is not valid JSON at all
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> mapper.readValue("{\"name\":\"a\u0000b\"}", Person.class));
    }

    @Test
    void duplicateKeysAndTrailingTokensAreMalformed() {
        assertThrows(StreamReadException.class, () -> mapper.readValue("{\"name\":\"a\",\"name\":\"b\"}", Person.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"name\":\"a\"} {}", Person.class));
    }

    @Test
    void scalarsAreNotCoerced() {
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"name\":12345}", Person.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"name\":true}", Person.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"aliases\":[1]}", Person.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"age\":\"35\"}", Person.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"age\":35.5}", Person.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"active\":\"true\"}", Person.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"active\":1}", Person.class));
    }

    @Test
    void datesOutsideYearsOneTo9999AreRefused() {
        UnstorableInputException bc = assertThrows(UnstorableInputException.class,
                () -> mapper.readValue("{\"birthDate\":\"-5000-01-01\"}", Person.class));
        assertEquals("birthDate", bc.getPath().get(0).getFieldName());
        assertThrows(UnstorableInputException.class, () -> mapper.readValue("{\"birthDate\":\"0000-01-01\"}", Person.class));
        assertThrows(UnstorableInputException.class, () -> mapper.readValue("{\"birthDate\":\"+10000-01-01\"}", Person.class));
        assertThrows(UnstorableInputException.class, () -> mapper.readValue("{\"seenAt\":\"-0001-01-01T00:00:00Z\"}", Person.class));
        assertThrows(UnstorableInputException.class, () -> mapper.readValue("{\"bookedAt\":\"+12026-01-01T00:00:00Z\"}", Person.class));
        assertEquals(LocalDate.of(1, 1, 1), assertDoesNotThrow("{\"birthDate\":\"0001-01-01\"}").birthDate());
        assertEquals(LocalDate.of(9999, 12, 31), assertDoesNotThrow("{\"birthDate\":\"9999-12-31\"}").birthDate());
    }

    private Person assertDoesNotThrow(String json) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> mapper.readValue(json, Person.class));
    }
}
