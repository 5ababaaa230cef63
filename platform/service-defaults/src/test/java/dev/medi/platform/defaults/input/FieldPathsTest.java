package dev.medi.platform.defaults.input;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Field paths as the client wrote them, positions in lists included: the paths tests and clients rely on. */
class FieldPathsTest {

    record Identifier(@NotBlank String system, @NotBlank String value) {
    }

    record Name(@NotBlank String family, @Size(max = 3) List<@NotBlank String> given) {
    }

    record Register(@Valid @NotNull Name name, List<@Valid Identifier> identifiers,
                    Set<@Pattern(regexp = "nurse|doctor") String> roles, Map<String, @NotBlank String> labels) {
    }

    /** A resource method: its parameters are where a request body and a query parameter come in. */
    static class Resource {
        @SuppressWarnings("unused")
        public void register(@Valid @NotNull Register request, @Size(max = 5) String q) {
        }
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Register valid() {
        return new Register(new Name("Doe", List.of("Jane")),
                List.of(new Identifier("urn:a", "1"), new Identifier("urn:b", "2")), Set.of("nurse"), Map.of());
    }

    private List<String> paths(Register request, String q) throws NoSuchMethodException {
        Set<ConstraintViolation<Resource>> violations = validator.forExecutables().validateParameters(new Resource(),
                Resource.class.getMethod("register", Register.class, String.class), new Object[]{request, q});
        return violations.stream().map(v -> FieldPaths.of(v.getPropertyPath())).sorted().toList();
    }

    @Test
    void aFieldOfTheBodyIsNamedWithoutTheMethodAndParameter() throws Exception {
        Register request = new Register(new Name(" ", null), null, null, null);
        assertEquals(List.of("name.family"), paths(request, null));
    }

    @Test
    void aFieldOfAListElementCarriesThePositionOnTheList() throws Exception {
        Register valid = valid();
        Register request = new Register(valid.name(),
                List.of(new Identifier("urn:a", "1"), new Identifier("urn:b", "")), null, null);
        assertEquals(List.of("identifiers[1].value"), paths(request, null));
    }

    @Test
    void anElementOfASimpleListIsItsPosition() throws Exception {
        Register request = new Register(new Name("Doe", List.of("Jane", "")), null, null, null);
        assertEquals(List.of("name.given[1]"), paths(request, null));
    }

    @Test
    void anElementOfASetHasNoPosition() throws Exception {
        Set<String> roles = new LinkedHashSet<>(List.of("nurse", "pilot"));
        Register request = new Register(valid().name(), null, roles, null);
        assertEquals(List.of("roles[]"), paths(request, null));
    }

    @Test
    void aMapValueIsNamedByItsKey() throws Exception {
        Register request = new Register(valid().name(), null, null, Map.of("ward", ""));
        assertEquals(List.of("labels[ward]"), paths(request, null));
    }

    @Test
    void theListItselfKeepsItsName() throws Exception {
        Register request = new Register(new Name("Doe", List.of("a", "b", "c", "d")), null, null, null);
        assertEquals(List.of("name.given"), paths(request, null));
    }

    @Test
    void aQueryParameterIsItsNameAndAMissingBodyIsTheBody() throws Exception {
        assertEquals(List.of("q"), paths(valid(), "too long"));
        assertEquals(List.of("request"), paths(null, null));
    }

    @Test
    void severalViolationsEachHaveTheirOwnPath() throws Exception {
        Register request = new Register(new Name("", List.of("")),
                List.of(new Identifier("", "1")), Set.of("x"), null);
        assertEquals(List.of("identifiers[0].system", "name.family", "name.given[0]", "roles[]"), paths(request, null));
    }

    @Test
    void jacksonPathsUseTheSameNotation() {
        ObjectMapper mapper = new ObjectMapper();
        JsonMappingException e = assertThrows(MismatchedInputException.class, () -> mapper.readValue(
                "{\"identifiers\":[{\"system\":\"a\",\"value\":\"1\"},{\"system\":\"b\",\"value\":[1]}]}",
                JsonRegister.class));
        assertEquals("identifiers[1].value", FieldPaths.of(e));
        JsonMappingException top = assertThrows(MismatchedInputException.class, () -> mapper.readValue("[1]",
                JsonRegister.class));
        assertEquals("", FieldPaths.of(top));
    }

    record JsonRegister(List<JsonIdentifier> identifiers) {
    }

    record JsonIdentifier(String system, String value) {
    }
}
