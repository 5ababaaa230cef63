package dev.medi.patient.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How to answer, from {@code _format} (which wins, FHIR §3.1.0.1.10), the {@code Accept} header and
 * {@code _pretty}. JSON only: {@code application/fhir+json} by default and for wildcards, {@code application/json}
 * when that is what the client asked for; XML, Turtle and anything else is 406. A media range naming another
 * {@code fhirVersion} than 4.0 is not acceptable either.
 *
 * @param mediaType {@code application/fhir+json} or {@code application/json}
 * @param pretty    indent the JSON
 */
public record FhirFormat(String mediaType, boolean pretty) {

    public static final String JSON = "application/json";
    public static final FhirFormat DEFAULT = new FhirFormat(FhirR4.FHIR_JSON, false);

    /** The Content-Type header value. */
    public String contentType() {
        return mediaType + ";charset=UTF-8";
    }

    /** @throws FhirException 406 when nothing acceptable can be produced, 400 for a bad {@code _pretty} */
    public static FhirFormat negotiate(String format, String accept, String pretty) {
        boolean indent = pretty(pretty);
        if (format != null && !format.isBlank()) {
            String type = fromFormatParameter(format);
            if (type == null) {
                throw new FhirException(406, IssueType.NOTSUPPORTED,
                        "_format: only json (application/fhir+json, application/json) is supported.");
            }
            return new FhirFormat(type, indent);
        }
        String type = fromAccept(accept);
        if (type == null) {
            throw new FhirException(406, IssueType.NOTSUPPORTED,
                    "Accept: only application/fhir+json and application/json (FHIR 4.0) can be produced.");
        }
        return new FhirFormat(type, indent);
    }

    /** For error responses: never fails, falls back to FHIR JSON. */
    public static FhirFormat lenient(String format, String accept) {
        String type = format != null && !format.isBlank() ? fromFormatParameter(format) : fromAccept(accept);
        return new FhirFormat(type == null ? FhirR4.FHIR_JSON : type, false);
    }

    private static boolean pretty(String value) {
        if (value == null || value.isBlank() || value.strip().equals("false")) {
            return false;
        }
        if (value.strip().equals("true")) {
            return true;
        }
        throw FhirException.invalidParameter("_pretty", "must be true or false.");
    }

    private static String fromFormatParameter(String format) {
        // an unencoded '+' in the query arrives as a space
        String value = format.strip().replace(' ', '+').toLowerCase(Locale.ROOT);
        int semicolon = value.indexOf(';');
        String type = semicolon < 0 ? value : value.substring(0, semicolon).strip();
        return switch (type) {
            case "json", FhirR4.FHIR_JSON, "application/json+fhir" -> FhirR4.FHIR_JSON;
            case JSON -> JSON;
            default -> null;
        };
    }

    /** The best JSON type the Accept header allows, or {@code null}. No header: FHIR JSON. */
    static String fromAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return FhirR4.FHIR_JSON;
        }
        record Range(String type, double quality, int position) {
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] pieces = parts[i].split(";");
            String type = pieces[0].strip().toLowerCase(Locale.ROOT);
            double quality = 1;
            boolean otherVersion = false;
            for (int p = 1; p < pieces.length; p++) {
                String[] parameter = pieces[p].split("=", 2);
                String name = parameter[0].strip().toLowerCase(Locale.ROOT);
                String value = parameter.length > 1 ? parameter[1].strip().replace("\"", "") : "";
                if (name.equals("q")) {
                    try {
                        quality = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                } else if (name.equals("fhirversion") && !value.equals("4.0") && !value.startsWith("4.0.")) {
                    otherVersion = true;
                }
            }
            if (quality > 0 && !otherVersion && !type.isEmpty()) {
                ranges.add(new Range(type, quality, i));
            }
        }
        ranges.sort(Comparator.comparingDouble(Range::quality).reversed().thenComparingInt(Range::position));
        for (Range range : ranges) {
            switch (range.type()) {
                case FhirR4.FHIR_JSON, "application/json+fhir", "*/*", "application/*":
                    return FhirR4.FHIR_JSON;
                case JSON:
                    return JSON;
                default:
                    // not one of ours: try the next preference
            }
        }
        return null;
    }
}
