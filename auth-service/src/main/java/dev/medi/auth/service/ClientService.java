package dev.medi.auth.service;

import dev.medi.auth.ApiClient;
import dev.medi.auth.repository.ApiClientRepository;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.outbox.AuditTrail;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** API clients of hospital systems: registration by an admin, and the client-credentials grant. */
@ApplicationScoped
public class ClientService {

    /** A new client with its secret, which is shown this once and never stored in clear. */
    public record Registered(ApiClient client, String secret) {
    }

    /** The answer to a client-credentials request. */
    public record ClientToken(String accessToken, long expiresInSeconds, List<String> scopes) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClientRepository clients;
    private final TokenIssuer issuer;
    private final AuditTrail audit;
    private final LoginThrottle throttle;
    private final Clock clock = Clock.systemUTC();

    ClientService(ApiClientRepository clients, TokenIssuer issuer, AuditTrail audit, LoginThrottle throttle) {
        this.throttle = throttle;
        this.clients = clients;
        this.issuer = issuer;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Registered> register(Caller admin, String name, Set<String> scopes) {
        String clientId = "mc_" + HexFormat.of().formatHex(random(8));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        ApiClient client = ApiClient.register(clientId, name, AuthService.sha256(secret), scopes, admin.username(),
                clock.instant());
        return clients.persist(client)
                .call(saved -> audit.record(admin.username(), List.copyOf(admin.roles()), "client.create",
                        "api-client", saved.id().toString(), "success"))
                .map(saved -> new Registered(saved, secret));
    }

    @WithSession
    public Uni<List<ApiClient>> list() {
        return clients.listAll(io.quarkus.panache.common.Sort.by("clientId"));
    }

    @WithTransaction
    public Uni<ApiClient> setActive(Caller admin, UUID id, boolean active) {
        return clients.findById(id).flatMap(client -> {
                    if (client == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "No such API client.");
                    }
                    client.setActive(active);
                    return audit.record(admin.username(), List.copyOf(admin.roles()),
                                    active ? "client.enable" : "client.disable", "api-client", client.id().toString(), "success")
                            .call(() -> clients.flush())
                            .replaceWith(client);
                });
    }

    /**
     * OAuth 2 client-credentials grant (RFC 6749 §4.4). {@code requested} narrows the scopes to a subset
     * of the client's; asking for more is refused. Unknown, disabled and wrong-secret clients get the same
     * answer. Two transactions: the attempt is counted and committed before the secret is checked.
     */
    public Uni<ClientToken> token(String clientId, String secret, Set<String> requested, String address) {
        Instant now = clock.instant();
        return throttle.reserveClient(clientId, address, now)
                .chain(() -> Panache.withTransaction(() -> clients.findByClientId(clientId)
                .flatMap(client -> {
                    if (client == null || !client.active() || !client.secretMatches(AuthService.sha256(secret))) {
                        return Uni.createFrom().item((ApiClient) null); // counted by the reservation
                    }
                    return throttle.clientSucceeded(clientId, address).replaceWith(client);
                })))
                .map(client -> {
                    if (client == null) {
                        throw new ProblemException(ProblemType.UNAUTHORIZED, "Unknown client or wrong secret.");
                    }
                    List<String> granted = requested.isEmpty() ? client.scopes()
                            : requested.stream().sorted().toList();
                    if (!client.scopes().containsAll(granted)) {
                        throw new ProblemException(ProblemType.FORBIDDEN, "The client does not hold every requested scope.");
                    }
                    return new ClientToken(issuer.clientToken(client, granted, now), issuer.accessTokenTtlSeconds(), granted);
                });
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
