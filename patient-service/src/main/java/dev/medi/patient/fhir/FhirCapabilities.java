package dev.medi.patient.fhir;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;

import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

/**
 * What this server offers (FHIR R4 CapabilityStatement, kind instance): Patient read and search with the
 * parameters of {@link PatientSearchParameters} and {@code $everything}; Encounter and Observation (vital signs)
 * read and search by patient ({@link ClinicalSearchParameters}); JSON only, OAuth 2 bearer tokens.
 */
final class FhirCapabilities {

    static final String SECURITY_SERVICE_SYSTEM = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    static final String SECURITY = """
            OAuth 2 bearer tokens (RS256 JWTs issued by Medi OS auth-service) in the Authorization header; \
            without a valid token every interaction except this CapabilityStatement answers 401. \
            Hospital systems use the client-credentials grant (POST /api/v1/auth/token through the gateway) and need \
            the SMART-style scope patient.read to read and search Patient, Encounter and Observation (patient.write \
            is reserved for write interactions, none of which exist yet); any other scope alone gets 403. \
            Staff tokens carry roles instead: receptionist and admin see every patient, nurses and doctors the \
            patients of their departments and those they opened with break-glass access; Encounters and \
            Observations (clinical data) are for nurses, doctors and admins only, never the front desk. \
            Every read, every search and every $everything is recorded in the audit trail, per patient.""";

    private FhirCapabilities() {
    }

    static CapabilityStatement build(String baseUrl, Instant published, String softwareVersion) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setName("MediOsPatientService");
        statement.setTitle("Medi OS patient-service FHIR R4 API");
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setExperimental(false);
        statement.setDateElement(new DateTimeType(Date.from(published), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone("UTC")));
        statement.setPublisher("Medi OS");
        statement.setDescription("Read-only FHIR R4 access to the patient records, encounters and vital signs of a "
                + "Medi OS clinic.");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("Medi OS patient-service").setVersion(softwareVersion);
        statement.getImplementation().setDescription("Medi OS patient-service").setUrl(baseUrl);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.addFormat(FhirR4.FHIR_JSON);

        CapabilityStatementRestComponent rest = statement.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Search: repeated parameters AND, comma-separated values OR; unknown parameters are "
                + "rejected with 400 unless the request says Prefer: handling=lenient. Pages follow the next link "
                + "(opaque _cursor); _count from 0 (total only) up to the server's maximum.");
        rest.getSecurity().setCors(false).setDescription(SECURITY)
                .addService(new CodeableConcept().setText("OAuth 2 bearer token")
                        .addCoding(new org.hl7.fhir.r4.model.Coding(SECURITY_SERVICE_SYSTEM, "OAuth", "OAuth")));

        CapabilityStatementRestResourceComponent patient = rest.addResource();
        patient.setType("Patient");
        patient.setProfile("http://hl7.org/fhir/StructureDefinition/Patient");
        patient.setDocumentation("Records entered in error are not served: read answers 410 Gone, search never "
                + "returns them. Allergies are not part of Patient (AllergyIntolerance is not offered yet).");
        patient.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        patient.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        // meta.versionId is the record's version; there is no vread or history
        patient.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
        patient.setReadHistory(false);
        patient.setUpdateCreate(false);
        patient.setConditionalRead(CapabilityStatement.ConditionalReadStatus.NOTSUPPORTED);
        for (PatientSearchParameters.Definition parameter : PatientSearchParameters.SUPPORTED) {
            patient.addSearchParam().setName(parameter.name()).setDefinition(parameter.definition())
                    .setType(parameter.type()).setDocumentation(parameter.documentation());
        }
        patient.addOperation().setName("everything")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything")
                .setDocumentation("GET only, no parameters: a searchset Bundle with the Patient (match) and all its "
                        + "Encounters and vital-sign Observations (include). Needs clinical access.");

        CapabilityStatementRestResourceComponent encounter = rest.addResource();
        encounter.setType("Encounter");
        encounter.setProfile("http://hl7.org/fhir/StructureDefinition/Encounter");
        encounter.setDocumentation("Visits with the clinical staff of one department: opened when a queue entry goes "
                + "into consultation or by a clinician, closed with an outcome (hospitalization.dischargeDisposition). "
                + "Searches cover one patient (patient or subject required) and return the newest first.");
        clinical(encounter, ClinicalSearchParameters.ENCOUNTER);

        CapabilityStatementRestResourceComponent observation = rest.addResource();
        observation.setType("Observation");
        observation.setProfile("http://hl7.org/fhir/StructureDefinition/Observation");
        observation.addSupportedProfile("http://hl7.org/fhir/StructureDefinition/vitalsigns");
        for (dev.medi.patient.observation.VitalSign sign : dev.medi.patient.observation.VitalSign.values()) {
            if (sign.profile() != null) {
                observation.addSupportedProfile(sign.profile());
            }
        }
        observation.addSupportedProfile(dev.medi.patient.observation.VitalSign.BLOOD_PRESSURE_PROFILE);
        observation.setDocumentation("Vital signs (category vital-signs, LOINC codes, UCUM units, interpretation "
                + "against age-specific reference ranges); blood pressure as the panel 85354-9 with systolic and "
                + "diastolic components; level of responsiveness (67775-7) as SNOMED CT ACVPU findings. Searches cover "
                + "one patient (patient or subject required) and return the newest first.");
        clinical(observation, ClinicalSearchParameters.OBSERVATION);
        return statement;
    }

    private static void clinical(CapabilityStatementRestResourceComponent resource,
                                 java.util.List<PatientSearchParameters.Definition> parameters) {
        resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
        resource.setReadHistory(false);
        resource.setUpdateCreate(false);
        resource.setConditionalRead(CapabilityStatement.ConditionalReadStatus.NOTSUPPORTED);
        for (PatientSearchParameters.Definition parameter : parameters) {
            resource.addSearchParam().setName(parameter.name()).setDefinition(parameter.definition())
                    .setType(parameter.type()).setDocumentation(parameter.documentation());
        }
    }
}
