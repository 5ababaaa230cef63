package dev.medi.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.medi.auth.ApiClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API client; {@code clientSecret} appears once, in the answer to its registration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientView(UUID id, String clientId, String clientSecret, String name, List<String> scopes,
                         boolean active, Instant createdAt) {

    static ClientView of(ApiClient client, String secret) {
        return new ClientView(client.id(), client.clientId(), secret, client.name(), client.scopes(), client.active(),
                client.createdAt());
    }
}
