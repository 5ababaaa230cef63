package dev.medi.platform.secrets;

import java.util.regex.Pattern;

/**
 * One entry of {@code medi.secrets.gcp.keys}: which config property is filled from which secret version.
 *
 * <p>Entry forms:
 * <ul>
 *   <li>{@code smallrye.jwt.sign.key} (convention): secret id = prefix + property name with every dot
 *       replaced by a dash, version {@code latest}; with the default prefix {@code medi-} that is
 *       {@code medi-smallrye-jwt-sign-key}.</li>
 *   <li>{@code smallrye.jwt.sign.key=medi-jwt-signing-key} (explicit): the secret id is used exactly as
 *       written (no prefix), version {@code latest}.</li>
 *   <li>{@code smallrye.jwt.sign.key=medi-jwt-signing-key:3} (explicit, pinned): as above, version 3.
 *       The {@code SECRET:VERSION} form is the one Cloud Run uses for {@code --set-secrets}.</li>
 * </ul>
 */
record SecretMapping(String property, String secretId, String version) {

    // Secret Manager's own rules: ids are 1-255 of [A-Za-z0-9_-]; versions are "latest" or a number.
    private static final Pattern SECRET_ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern VERSION = Pattern.compile("latest|[1-9][0-9]*");
    static final String LATEST = "latest";

    /** Parses one list entry; {@code prefix} applies only to the convention form. */
    static SecretMapping parse(String entry, String prefix) {
        String trimmed = entry.strip();
        int eq = trimmed.indexOf('=');
        String property = (eq < 0 ? trimmed : trimmed.substring(0, eq)).strip();
        if (property.isEmpty()) {
            throw invalid(entry, "the config property name is empty");
        }
        String secretId;
        String version = LATEST;
        if (eq < 0) {
            secretId = prefix + property.replace('.', '-');
        } else {
            String target = trimmed.substring(eq + 1).strip();
            int colon = target.lastIndexOf(':');
            if (colon >= 0) {
                version = target.substring(colon + 1).strip();
                target = target.substring(0, colon).strip();
            }
            secretId = target;
        }
        if (!SECRET_ID.matcher(secretId).matches()) {
            throw invalid(entry, "secret id '" + secretId + "' is not 1-255 characters of [A-Za-z0-9_-]"
                    + (eq < 0 ? "; name the secret explicitly with property=secret-id" : ""));
        }
        if (!VERSION.matcher(version).matches()) {
            throw invalid(entry, "version '" + version + "' is neither 'latest' nor a positive number");
        }
        return new SecretMapping(property, secretId, version);
    }

    /** Resource name of the secret version, the path segment after {@code /v1/}. */
    String resourceName(String projectId) {
        return "projects/" + projectId + "/secrets/" + secretId + "/versions/" + version;
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        // Entries hold names only, never values, so echoing the entry is safe.
        return new IllegalArgumentException(
                "Invalid entry '" + entry.strip() + "' in " + SecretsSettings.KEYS + ": " + why);
    }
}
