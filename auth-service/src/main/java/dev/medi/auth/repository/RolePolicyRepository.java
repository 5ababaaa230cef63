package dev.medi.auth.repository;

import dev.medi.auth.RolePolicy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class RolePolicyRepository implements PanacheRepositoryBase<RolePolicy, String> {

    public Uni<List<RolePolicy>> all() {
        return find("order by role").list();
    }

    /** Whether any of {@code roles} requires a second factor. */
    public Uni<Boolean> totpRequiredForAny(Collection<String> roles) {
        if (roles.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return count("role in ?1 and totpRequired = true", List.copyOf(roles)).map(count -> count > 0);
    }
}
