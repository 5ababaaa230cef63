package dev.medi.patient.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

/**
 * The service's one HAPI {@link FhirContext} (R4) and its JSON encoding. A context is expensive to build (it
 * scans the model classes) and thread-safe once built; each resource type is scanned on first use. Both happen
 * here at startup, so no request pays for them on an event-loop thread. Parsers are cheap and not thread-safe:
 * one per encoding.
 */
@Singleton
public class FhirR4 {

    /** The FHIR JSON media type (R4). */
    public static final String FHIR_JSON = "application/fhir+json";

    private final FhirContext context = FhirContext.forR4();

    void warmUp(@Observes StartupEvent event) {
        long start = System.nanoTime();
        for (IBaseResource resource : new IBaseResource[]{new Patient(), new Bundle(), new OperationOutcome(),
                new CapabilityStatement(), new org.hl7.fhir.r4.model.Encounter(), new org.hl7.fhir.r4.model.Observation()}) {
            encode(resource, false);
        }
        Log.infof("FHIR R4 model ready in %d ms", (System.nanoTime() - start) / 1_000_000);
    }

    public FhirContext context() {
        return context;
    }

    /** The resource as FHIR JSON. */
    public String encode(IBaseResource resource, boolean pretty) {
        return context.newJsonParser().setPrettyPrint(pretty).encodeResourceToString(resource);
    }
}
