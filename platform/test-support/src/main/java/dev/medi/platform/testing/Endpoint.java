package dev.medi.platform.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * One row of an access-matrix table: an endpoint, a role that may call it, one that may not, and a body that
 * breaks its input rules ({@code null}: the endpoint takes no body to validate). The access tests send that
 * invalid body without a token and with the wrong role too: authentication and roles must refuse before the
 * input is even read.
 * {@code headers} go with every request (e.g. an {@code Idempotency-Key} the endpoint requires).
 */
public record Endpoint(String method, String path, String allowedRole, String wrongRole, String invalidBody,
                       Map<String, String> headers) {

    public Endpoint(String method, String path, String allowedRole, String wrongRole, String invalidBody) {
        this(method, path, allowedRole, wrongRole, invalidBody, Map.of());
    }

    /** Sends {@code body} (may be {@code null}) with {@code token} (may be {@code null}: anonymous). */
    public Response call(String token, String body) {
        RequestSpecification request = given().headers(headers);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, path);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
