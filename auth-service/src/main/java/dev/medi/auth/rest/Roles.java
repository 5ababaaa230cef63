package dev.medi.auth.rest;

/** The roles the API accepts. */
final class Roles {

    static final String PATTERN = "receptionist|nurse|doctor|admin";

    private Roles() {
    }
}
