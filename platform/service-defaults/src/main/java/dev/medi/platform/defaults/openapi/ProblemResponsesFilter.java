package dev.medi.platform.defaults.openapi;

import dev.medi.platform.defaults.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Makes every service's OpenAPI document list the error answers the platform really gives, so that a client (and
 * the API fuzz test) can rely on it: each operation gets the RFC 9457 problem responses that the platform's mappers
 * and HTTP defaults produce for it, with the {@code Problem} schema. What only some endpoints answer (409, 412, 422,
 * 428, 429, 202/204 successes) is declared on the resource method with {@code @APIResponse}; this filter never
 * overrides a response a resource declared, it only adds the body a bare declaration lacks.
 *
 * <ul>
 *   <li>400 — parameters or a body: invalid field (validation) or unreadable JSON (malformed-request); every FHIR
 *   interaction (it reads every query parameter)</li>
 *   <li>401, 403 — the operation needs a token (its security requirement)</li>
 *   <li>404 — a path or query parameter: no such resource, or a value that is not of the parameter's type</li>
 *   <li>406 — an {@code Accept} header the operation cannot produce</li>
 *   <li>413, 415 — a body: too large, or not of the declared media type</li>
 *   <li>500 — any operation: an unexpected failure (never with internals)</li>
 * </ul>
 *
 * FHIR operations (under {@code /fhir/}) answer errors as FHIR OperationOutcomes in {@code application/fhir+json}
 * instead of problems. Runs at build time (Quarkus {@link OpenApiFilter}), found through this
 * module's Jandex index.
 */
@OpenApiFilter
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String FIELD_ERROR_SCHEMA = "FieldError";
    static final String FHIR_JSON = "application/fhir+json";
    /** The FHIR API: every answer there, errors included, is FHIR (OperationOutcome). */
    static final String FHIR_PATHS = "/fhir/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(ProblemResponsesFilter::optionalMeansNullable);
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        openAPI.getComponents().addSchema(FIELD_ERROR_SCHEMA, fieldErrorSchema());
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            PathItem item = path.getValue();
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                document(operation, item.getParameters(), securedByDefault, path.getKey().startsWith(FHIR_PATHS));
            }
        }
    }

    static void document(Operation operation, List<Parameter> pathItemParameters, boolean securedByDefault, boolean fhir) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = hasParameters(operation.getParameters()) || hasParameters(pathItemParameters);
        boolean pathOrQuery = hasPathOrQuery(operation.getParameters()) || hasPathOrQuery(pathItemParameters);
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;

        // FHIR interactions read every query parameter (_format, unknown ones: 400 unless lenient)
        if (body || parameters || fhir) {
            error(responses, 400, "Invalid or unreadable request", fhir);
        }
        if (secured) {
            error(responses, 401, "No valid access token", fhir, true);
            error(responses, 403, "The token's role, scope or departments do not allow this", fhir);
        }
        if (pathOrQuery) {
            error(responses, 404, "No such resource, or a parameter that is not of its type", fhir);
        }
        error(responses, 406, "None of the accepted media types can be produced", fhir);
        if (body) {
            error(responses, 413, "Request body too large", fhir);
            error(responses, 415, "Request body of an unsupported media type", fhir);
        }
        error(responses, 500, "Unexpected failure; quote the request id", fhir);
        // what a resource declared bare (e.g. @APIResponse(responseCode = "409", description = ...)) gets its body
        for (String code : List.copyOf(responses.getAPIResponses().keySet())) {
            if (code.matches("[45][0-9][0-9]")) {
                error(responses, Integer.parseInt(code), "Error", fhir);
            }
        }
    }

    /**
     * API records are written by Jackson with every component, {@code null} included, and read with absent and
     * {@code null} alike: a property that is not {@code required} may be null, and the document says so (OpenAPI
     * 3.1: {@code "null"} among its types, or {@code anyOf} with null around a reference or an enumeration).
     */
    static void optionalMeansNullable(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : new java.util.LinkedHashMap<>(schema.getProperties()).entrySet()) {
            Schema value = property.getValue();
            optionalMeansNullable(value);
            if (!required.contains(property.getKey())) {
                schema.addProperty(property.getKey(), nullable(value));
            }
        }
    }

    static Schema nullable(Schema schema) {
        List<Schema.SchemaType> types = schema.getType();
        if (types != null && types.contains(Schema.SchemaType.NULL)) {
            return schema;
        }
        if (schema.getRef() == null && schema.getEnumeration() == null && schema.getConstValue() == null
                && types != null && !types.isEmpty()) {
            return schema.addType(Schema.SchemaType.NULL);
        }
        if (schema.getRef() == null && (types == null || types.isEmpty()) && schema.getAnyOf() == null
                && schema.getOneOf() == null && schema.getAllOf() == null && schema.getEnumeration() == null) {
            return schema; // no type: null is already allowed
        }
        return OASFactory.createSchema().description(schema.getDescription())
                .addAnyOf(schema).addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
    }

    /** Declares {@code status} with an error body unless the operation declares it already with content. */
    private static void error(APIResponses responses, int status, String description, boolean fhir) {
        error(responses, status, description, fhir, false);
    }

    private static void error(APIResponses responses, int status, String description, boolean fhir, boolean challenge) {
        String code = Integer.toString(status);
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
        }
        if (response.getRef() != null) {
            return; // a shared response of the document: described there
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(description);
        }
        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(errorContent(fhir));
        }
        if (challenge && (response.getHeaders() == null || !response.getHeaders().containsKey("WWW-Authenticate"))) {
            response.addHeader("WWW-Authenticate", OASFactory.createHeader().description("Bearer")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        responses.addAPIResponse(code, response);
    }

    private static Content errorContent(boolean fhir) {
        if (fhir) {
            return OASFactory.createContent().addMediaType(FHIR_JSON, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                            .description("FHIR R4 OperationOutcome")));
        }
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static boolean hasParameters(List<Parameter> parameters) {
        return parameters != null && !parameters.isEmpty();
    }

    private static boolean hasPathOrQuery(List<Parameter> parameters) {
        return parameters != null && parameters.stream().anyMatch(p ->
                p.getIn() == Parameter.In.PATH || p.getIn() == Parameter.In.QUERY);
    }

    /** The body of every error ({@link Problem}); {@code errors} only for field errors. */
    static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string().format("uri")
                        .description("Stable URI per kind of error; switch on it, never on detail"))
                .addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string().description("Safe to show a user"))
                .addProperty("instance", string().description("The request path"))
                .addProperty("requestId", string().description("Quote it when reporting a problem"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(FIELD_ERROR_SCHEMA)));
    }

    static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .required(List.of("field", "message"))
                .addProperty("field", string().description("Path of the field in the request, e.g. name.family"))
                .addProperty("message", string());
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
