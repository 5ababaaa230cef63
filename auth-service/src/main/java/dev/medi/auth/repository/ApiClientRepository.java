package dev.medi.auth.repository;

import dev.medi.auth.ApiClient;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ApiClientRepository implements PanacheRepositoryBase<ApiClient, UUID> {

    public Uni<ApiClient> findByClientId(String clientId) {
        return find("clientId", clientId).firstResult();
    }
}
