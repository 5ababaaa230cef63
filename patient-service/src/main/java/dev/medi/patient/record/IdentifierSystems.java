package dev.medi.patient.record;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The naming systems of patient identifiers as other systems see them: the clinic's MRN system, and the
 * absolute URIs short local system names ({@code national-id}) are published under.
 */
public final class IdentifierSystems {

    /** Naming system of the clinic's medical record numbers. */
    public static final String MRN = "https://medi-os.dev/fhir/sid/mrn";
    /**
     * Identifier systems recorded as a short name ({@code national-id}) rather than a URI are published below
     * this base, because FHIR's Identifier.system is an absolute URI.
     */
    public static final String LOCAL_BASE = "https://medi-os.dev/fhir/sid/local/";

    private static final Pattern URI_WITH_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

    private IdentifierSystems() {
    }

    /** The absolute URI a stored identifier system is published with. */
    public static String published(String storedSystem) {
        return URI_WITH_SCHEME.matcher(storedSystem).matches() ? storedSystem : LOCAL_BASE + storedSystem;
    }

    /** The stored systems a published system can stand for (a URI under {@link #LOCAL_BASE} was a short name). */
    public static List<String> stored(String publishedSystem) {
        if (publishedSystem.startsWith(LOCAL_BASE) && publishedSystem.length() > LOCAL_BASE.length()) {
            return List.of(publishedSystem, publishedSystem.substring(LOCAL_BASE.length()));
        }
        return List.of(publishedSystem);
    }
}
