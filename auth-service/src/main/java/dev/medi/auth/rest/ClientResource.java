package dev.medi.auth.rest;

import dev.medi.auth.service.ClientService;
import dev.medi.platform.defaults.security.CurrentCaller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Registration of hospital systems' API clients: admins only. */
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "API clients")
@SecurityRequirement(name = "jwt")
public class ClientResource {

    private final ClientService clients;
    private final CurrentCaller caller;

    ClientResource(ClientService clients, CurrentCaller caller) {
        this.clients = clients;
        this.caller = caller;
    }

    /** The answer carries the client secret: the only time it is ever shown. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Registered; the only answer that shows the client secret", content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "503", description = "Too many password checks at once; try again")
    public Uni<Response> register(@Valid @NotNull RegisterClientRequest request) {
        return clients.register(caller.get(), request.name(), request.scopes())
                .map(registered -> Response.created(UriBuilder.fromPath("/api/v1/clients/{id}").build(registered.client().id()))
                        .header("Cache-Control", "no-store")
                        .entity(ClientView.of(registered.client(), registered.secret())).build());
    }

    @GET
    public Uni<List<ClientView>> list() {
        return clients.list().map(all -> all.stream().map(client -> ClientView.of(client, null)).toList());
    }

    @POST
    @Path("/{id}/disable")
    public Uni<ClientView> disable(@PathParam("id") UUID id) {
        return clients.setActive(caller.get(), id, false).map(client -> ClientView.of(client, null));
    }

    @POST
    @Path("/{id}/enable")
    public Uni<ClientView> enable(@PathParam("id") UUID id) {
        return clients.setActive(caller.get(), id, true).map(client -> ClientView.of(client, null));
    }
}
