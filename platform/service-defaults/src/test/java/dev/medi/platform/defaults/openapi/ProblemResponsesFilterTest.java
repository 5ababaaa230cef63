package dev.medi.platform.defaults.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemResponsesFilterTest {

    @Test
    void optionalPropertiesMayBeNullAndRequiredOnesMayNot() {
        Schema view = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .required(List.of("id"))
                .addProperty("id", OASFactory.createSchema().ref("UUID"))
                .addProperty("room", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("calledBy", OASFactory.createSchema().ref("UUID"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of("A", "B")));

        ProblemResponsesFilter.optionalMeansNullable(view);

        assertEquals("#/components/schemas/UUID", view.getProperties().get("id").getRef(), "required: unchanged");
        assertEquals(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL), view.getProperties().get("room").getType());
        Schema calledBy = view.getProperties().get("calledBy");
        assertEquals("#/components/schemas/UUID", calledBy.getAnyOf().get(0).getRef());
        assertEquals(List.of(Schema.SchemaType.NULL), calledBy.getAnyOf().get(1).getType());
        Schema status = view.getProperties().get("status");
        assertEquals(List.of("A", "B"), status.getAnyOf().get(0).getEnumeration(), "an enumeration keeps its values, null beside");
        assertEquals(List.of(Schema.SchemaType.NULL), status.getAnyOf().get(1).getType());
    }

    @Test
    void aSecuredOperationWithParametersAndABodyListsEveryProblemItCanAnswer() {
        Operation operation = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .requestBody(OASFactory.createRequestBody())
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt"))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                        .addAPIResponse("409", OASFactory.createAPIResponse().description("Already signed")));
        OpenAPI document = document("/api/v1/notes/{id}", operation);

        new ProblemResponsesFilter().filterOpenAPI(document);

        for (String status : List.of("400", "401", "403", "404", "406", "409", "413", "415", "500")) {
            APIResponse response = operation.getResponses().getAPIResponse(status);
            assertNotNull(response, status);
            assertNotNull(response.getContent(), status + " " + operation.getResponses().getAPIResponses().keySet());
            assertEquals("#/components/schemas/Problem",
                    response.getContent().getMediaType("application/problem+json").getSchema().getRef(), status);
        }
        assertEquals("Already signed", operation.getResponses().getAPIResponse("409").getDescription());
        assertNull(operation.getResponses().getAPIResponse("200").getContent(), "a success is left as declared");
        assertTrue(operation.getResponses().getAPIResponse("401").getHeaders().containsKey("WWW-Authenticate"));
        assertNotNull(document.getComponents().getSchemas().get("Problem"));
    }

    @Test
    void anOpenOperationWithoutParametersOnlyFailsUnexpectedlyOrOnAccept() {
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));

        new ProblemResponsesFilter().filterOpenAPI(document("/.well-known/jwks.json", operation));

        assertEquals(List.of("200", "406", "500"), operation.getResponses().getAPIResponses().keySet().stream().sorted().toList());
    }

    @Test
    void fhirOperationsAnswerErrorsAsFhir() {
        Operation operation = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));

        new ProblemResponsesFilter().filterOpenAPI(document("/fhir/r4/Patient/{id}", operation));

        assertNotNull(operation.getResponses().getAPIResponse("404").getContent().getMediaType("application/fhir+json"));
        assertNull(operation.getResponses().getAPIResponse("404").getContent().getMediaType("application/problem+json"));
    }

    private static OpenAPI document(String path, Operation get) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem(path, OASFactory.createPathItem().GET(get)));
    }
}
