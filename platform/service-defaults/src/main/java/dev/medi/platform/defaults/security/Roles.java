package dev.medi.platform.defaults.security;

/** Staff roles, carried in the token's {@code groups} claim. */
public final class Roles {

    public static final String RECEPTIONIST = "receptionist";
    public static final String NURSE = "nurse";
    public static final String DOCTOR = "doctor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
