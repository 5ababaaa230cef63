package dev.medi.platform.defaults.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Strict JSON for every service, applied to Quarkus's ObjectMapper (requests, and whatever else it reads):
 * <ul>
 *   <li>duplicate keys are malformed JSON (which one would win is parser-specific: a smuggling vector);</li>
 *   <li>no coercion between scalars: a number is not a text, {@code "5"} is not a number, {@code 0} is not an
 *       enum constant, {@code "true"} is not a boolean; nothing after the top-level value;</li>
 *   <li>text that PostgreSQL cannot store (NUL, lone surrogates: {@link StorableText}) is refused in every
 *       string value and map key, so no request reaches the database with it;</li>
 *   <li>dates and times outside years 1–9999 are refused: PostgreSQL keeps year -5000 as 5001 BC, which
 *       reads back as 5001, so what is stored would differ from what was accepted.</li>
 * </ul>
 * Refusals are {@link UnstorableInputException} (400 with the field, {@link InputProblemMappers}) or Jackson's
 * own mismatch and parse errors (400 through {@code ProblemExceptionMappers}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Also for mappers built outside CDI (tests, tools). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        for (LogicalType scalar : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("medi-strict-json");
        module.addDeserializer(String.class, new StorableStringDeserializer());
        module.addKeyDeserializer(String.class, new StorableKeyDeserializer());
        module.setDeserializerModifier(new PlausibleYears());
        mapper.registerModule(module);
        return mapper;
    }

    static final String UNSTORABLE = "contains a character that cannot be stored (NUL or an unpaired surrogate)";
    static final String YEAR = "must be within the years 1 to 9999";

    /** String values: only JSON strings, and only storable ones. */
    static final class StorableStringDeserializer extends StdScalarDeserializer<String> {

        StorableStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (!StorableText.isStorable(text)) {
                    throw new UnstorableInputException(parser, UNSTORABLE, String.class);
                }
                return text;
            }
            // a number, boolean, object or array where text belongs: no silent conversion
            return (String) context.handleUnexpectedToken(String.class, parser);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    static final class StorableKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (!StorableText.isStorable(key)) {
                throw new UnstorableInputException(context.getParser(), UNSTORABLE, String.class);
            }
            return key;
        }
    }

    /** Wraps the java.time deserializers with a range check on the year. */
    static final class PlausibleYears extends BeanDeserializerModifier {
        private static final Set<Class<?>> TEMPORALS = Set.of(LocalDate.class, LocalDateTime.class, OffsetDateTime.class,
                ZonedDateTime.class, Instant.class);

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            return TEMPORALS.contains(description.getBeanClass()) ? new YearInRange(deserializer) : deserializer;
        }
    }

    static final class YearInRange extends DelegatingDeserializer {

        YearInRange(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new YearInRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            int year = yearOf(value);
            if (year < 1 || year > 9999) {
                throw new UnstorableInputException(parser, YEAR, handledType());
            }
            return value;
        }

        private static int yearOf(Object value) {
            if (value instanceof LocalDate date) {
                return date.getYear();
            }
            if (value instanceof LocalDateTime dateTime) {
                return dateTime.getYear();
            }
            if (value instanceof OffsetDateTime dateTime) {
                return dateTime.getYear();
            }
            if (value instanceof ZonedDateTime dateTime) {
                return dateTime.getYear();
            }
            if (value instanceof Instant instant) {
                // Instant's own range is wider than OffsetDateTime's: compare seconds, do not convert
                return instant.isBefore(FIRST) ? 0 : instant.isBefore(AFTER_LAST) ? 1 : 10_000;
            }
            return 1; // null or a type not wrapped
        }

        private static final Instant FIRST = LocalDate.of(1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        private static final Instant AFTER_LAST = LocalDate.of(10_000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
