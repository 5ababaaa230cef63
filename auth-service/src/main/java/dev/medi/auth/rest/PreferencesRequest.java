package dev.medi.auth.rest;

import jakarta.validation.constraints.Pattern;

/** Display preferences of the signed-in user; absent fields stay as they are. */
public record PreferencesRequest(
        @Pattern(regexp = "light|dark|system") String theme,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String locale) {
}
