package dev.medi.platform.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Contract checks: event data and documents as produced must match the JSON Schemas published in platform/events
 * ({@code schemas/<name>.json}). A schema may {@code $ref} another one of them by file name (e.g. the snapshot's
 * entries are the queue event's entry); those are loaded from the class path too.
 */
public final class EventSchemas {

    private static final String BASE_URI = "https://medi-os.dev/schemas/";
    private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
            .setBaseUri(BASE_URI).setOutputFormat(OutputFormat.Basic);

    /** @throws AssertionError listing every violation when {@code data} does not match its type's schema */
    public static void assertValid(dev.medi.platform.events.EventType<?> type, String data) {
        assertValid(type.topic(), data);
    }

    /**
     * @param schema the schema's name: a topic ({@code medi.queue.events.v1}) or a document
     *               ({@code medi.queue.snapshot.v1})
     * @throws AssertionError listing every violation when {@code data} does not match the schema
     */
    public static void assertValid(String schema, String data) {
        SchemaRepository repository = SchemaRepository.create(OPTIONS);
        JsonObject root = load(schema + ".json");
        register(repository, schema + ".json", root, new HashSet<>());
        Validator validator = repository.validator(JsonSchema.of(root), OPTIONS);
        OutputUnit result = validator.validate(new JsonObject(data));
        if (!result.getValid()) {
            StringBuilder errors = new StringBuilder();
            for (OutputUnit error : result.getErrors() == null ? List.<OutputUnit>of() : result.getErrors()) {
                errors.append("\n  ").append(error.getInstanceLocation()).append(": ").append(error.getError());
            }
            throw new AssertionError("data does not match the schema " + schema + ":" + errors);
        }
    }

    /** Adds {@code schema} and, once each, every schema file it refers to. */
    private static void register(SchemaRepository repository, String file, JsonObject schema, Set<String> seen) {
        if (!seen.add(file)) {
            return;
        }
        repository.dereference(BASE_URI + file, JsonSchema.of(schema));
        Set<String> referenced = new HashSet<>();
        collectReferences(schema, referenced);
        for (String other : referenced) {
            register(repository, other, load(other), seen);
        }
    }

    /** File names of the {@code $ref}s to other schemas ({@code other.json#/pointer}), not the local ones. */
    private static void collectReferences(Object node, Set<String> files) {
        if (node instanceof JsonObject object) {
            if (object.getValue("$ref") instanceof String ref && !ref.startsWith("#")) {
                int hash = ref.indexOf('#');
                String file = hash < 0 ? ref : ref.substring(0, hash);
                files.add(file.startsWith(BASE_URI) ? file.substring(BASE_URI.length()) : file);
            }
            object.forEach(field -> collectReferences(field.getValue(), files));
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> collectReferences(item, files));
        }
    }

    private static JsonObject load(String file) {
        String resource = "schemas/" + file;
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
