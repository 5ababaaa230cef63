package dev.medi.patient.fhir;

import dev.medi.patient.service.ClinicalReadService;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The Bundles of the clinical searches, {@code $everything} and the export. */
final class FhirBundles {

    private FhirBundles() {
    }

    /** A searchset of one page, with self and (if more follow) next links. */
    static Bundle searchset(String base, String type, ClinicalSearchParameters.Query query, int count, String nextCursor,
                            UriInfo uri, List<? extends Resource> resources) {
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdatedElement(FhirPatientMapper.instant(Instant.now()));
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.addLink().setRelation("self").setUrl(link(base, type, query, count, query.cursor(), uri));
        if (nextCursor != null) {
            bundle.addLink().setRelation("next").setUrl(link(base, type, query, count, nextCursor, uri));
        }
        for (Resource resource : resources) {
            bundle.addEntry().setFullUrl(base + "/" + type + "/" + resource.getIdElement().getIdPart()).setResource(resource)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        if (!query.ignored().isEmpty()) {
            bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID())
                    .setResource(OperationOutcomes.issue(OperationOutcome.IssueSeverity.WARNING,
                            OperationOutcome.IssueType.NOTSUPPORTED,
                            "Ignored (Prefer: handling=lenient): " + String.join(", ", query.ignored())))
                    .getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
        }
        return bundle;
    }

    /**
     * The patient's record: the Patient, then its Encounters and Observations, newest first. As a searchset
     * ({@code $everything}: the Patient is the match, the rest included) or a collection (the export).
     */
    static Bundle everything(ClinicalReadService.Record record, String base, Bundle.BundleType type) {
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        Instant now = Instant.now();
        bundle.getMeta().setLastUpdatedElement(FhirPatientMapper.instant(now));
        bundle.setType(type);
        if (type == Bundle.BundleType.SEARCHSET) {
            bundle.setTotal(1);
            bundle.addLink().setRelation("self").setUrl(base + "/Patient/" + record.patient().id() + "/$everything");
        } else {
            bundle.setTimestampElement(FhirPatientMapper.instant(now));
            bundle.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + bundle.getIdElement().getIdPart());
        }
        add(bundle, base, "Patient", FhirPatientMapper.toFhir(record.patient()), Bundle.SearchEntryMode.MATCH);
        record.encounters().forEach(encounter -> add(bundle, base, "Encounter", FhirClinicalMapper.toFhir(encounter),
                Bundle.SearchEntryMode.INCLUDE));
        FhirClinicalMapper.toFhir(record.observations()).forEach(observation -> add(bundle, base, "Observation", observation,
                Bundle.SearchEntryMode.INCLUDE));
        return bundle;
    }

    private static void add(Bundle bundle, String base, String type, Resource resource, Bundle.SearchEntryMode mode) {
        Bundle.BundleEntryComponent entry = bundle.addEntry()
                .setFullUrl(base + "/" + type + "/" + resource.getIdElement().getIdPart()).setResource(resource);
        if (bundle.getType() == Bundle.BundleType.SEARCHSET) {
            entry.getSearch().setMode(mode);
        }
    }

    private static String link(String base, String type, ClinicalSearchParameters.Query query, int count, String cursor,
                               UriInfo uri) {
        StringBuilder url = new StringBuilder(base).append('/').append(type).append('?');
        for (PatientSearchParameters.Parameter parameter : query.used()) {
            url.append(parameter.name()).append('=').append(encode(parameter.value())).append('&');
        }
        String format = uri.getQueryParameters().getFirst("_format");
        if (format != null && !format.isBlank()) {
            url.append("_format=").append(encode(format)).append('&');
        }
        url.append("_count=").append(count);
        if (cursor != null) {
            url.append("&_cursor=").append(encode(cursor));
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
