package dev.medi.auth.rest;

import dev.medi.auth.RolePolicy;

import java.time.Instant;

/** A role's security policy. */
public record RolePolicyView(String role, boolean secondFactorRequired, Instant updatedAt, String updatedBy) {

    static RolePolicyView of(RolePolicy policy) {
        return new RolePolicyView(policy.role(), policy.totpRequired(), policy.updatedAt(), policy.updatedBy());
    }
}
