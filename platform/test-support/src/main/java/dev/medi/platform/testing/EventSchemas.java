package dev.medi.platform.testing;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Contract checks: event data as produced must match the JSON Schema published in platform/events. */
public final class EventSchemas {

    /** @throws AssertionError listing every violation when {@code data} does not match its type's schema */
    public static void assertValid(dev.medi.platform.events.EventType<?> type, String data) {
        assertValid(type.topic(), data);
    }

    /** @throws AssertionError listing every violation when {@code data} does not match the topic's schema */
    public static void assertValid(String topic, String data) {
        Validator validator = Validator.create(JsonSchema.of(load(topic)),
                new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://medi-os.dev/schemas/")
                        .setOutputFormat(OutputFormat.Basic));
        OutputUnit result = validator.validate(new JsonObject(data));
        if (!result.getValid()) {
            StringBuilder errors = new StringBuilder();
            for (OutputUnit error : result.getErrors() == null ? java.util.List.<OutputUnit>of() : result.getErrors()) {
                errors.append("\n  ").append(error.getInstanceLocation()).append(": ").append(error.getError());
            }
            throw new AssertionError("event data does not match the schema of " + topic + ":" + errors);
        }
    }

    private static JsonObject load(String topic) {
        String resource = "schemas/" + topic + ".json";
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + resource + " on the classpath");
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EventSchemas() {
    }
}
