package dev.medi.patient.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import dev.medi.patient.encounter.Encounter;
import dev.medi.patient.encounter.EncounterOutcome;
import dev.medi.patient.observation.Interpretation;
import dev.medi.patient.observation.Observation;
import dev.medi.patient.observation.VitalSign;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Encounters and vital signs as FHIR R4 resources. Vital signs follow the R4 vital-signs profiles
 * (http://hl7.org/fhir/R4/observation-vitalsigns.html): category {@code vital-signs}, LOINC code, a UCUM
 * {@code valueQuantity}, {@code meta.profile} of the sign's profile; blood pressure (stored as a systolic and a
 * diastolic row of one set) is one panel Observation (85354-9) with the two components, identified by the
 * systolic row's id. The level of responsiveness (ACVPU) is a SNOMED CT coded value without a profile.
 */
final class FhirClinicalMapper {

    static final String ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String PARTICIPATION_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String USER_SYSTEM = "https://medi-os.dev/fhir/sid/user";
    static final String DEPARTMENT_SYSTEM = "https://medi-os.dev/fhir/sid/department";
    static final String QUEUE_ENTRY_SYSTEM = "https://medi-os.dev/fhir/sid/queue-entry";
    static final String OBSERVATION_SET_SYSTEM = "https://medi-os.dev/fhir/sid/observation-set";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private FhirClinicalMapper() {
    }

    static org.hl7.fhir.r4.model.Encounter toFhir(Encounter record) {
        org.hl7.fhir.r4.model.Encounter encounter = new org.hl7.fhir.r4.model.Encounter();
        encounter.setId(record.id().toString());
        encounter.getMeta().setVersionId(Long.toString(record.version()))
                .setLastUpdatedElement(FhirPatientMapper.instant(record.updatedAt()));
        if (record.queueEntryId() != null) {
            encounter.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(QUEUE_ENTRY_SYSTEM)
                    .setValue(record.queueEntryId().toString());
        }
        encounter.setStatus(org.hl7.fhir.r4.model.Encounter.EncounterStatus.fromCode(record.status().code()));
        boolean emergency = Encounter.CLASS_EMERGENCY.equals(record.encounterClass());
        encounter.setClass_(new Coding(ACT_CODE_SYSTEM, record.encounterClass(), emergency ? "emergency" : "ambulatory"));
        encounter.setSubject(new Reference("Patient/" + record.patientId()));
        if (record.attending() != null) {
            var participant = encounter.addParticipant();
            participant.addType().addCoding(new Coding(PARTICIPATION_TYPE_SYSTEM, "ATND", "attender"));
            participant.setIndividual(new Reference().setIdentifier(new Identifier().setSystem(USER_SYSTEM)
                    .setValue(record.attending())));
        }
        encounter.getPeriod().setStartElement(dateTime(record.startedAt()));
        if (record.endedAt() != null) {
            encounter.getPeriod().setEndElement(dateTime(record.endedAt()));
        }
        if (record.reason() != null) {
            encounter.addReasonCode().setText(record.reason());
        }
        EncounterOutcome outcome = record.outcome();
        if (outcome != null) {
            encounter.getHospitalization().getDischargeDisposition()
                    .addCoding(new Coding(EncounterOutcome.SYSTEM, outcome.code(), outcome.display()))
                    .setText(outcome.display());
        }
        if (record.room() != null) {
            encounter.addLocation().setLocation(new Reference().setDisplay(record.room()));
        }
        encounter.setServiceProvider(new Reference().setIdentifier(new Identifier().setSystem(DEPARTMENT_SYSTEM)
                .setValue(record.departmentId().toString())));
        return encounter;
    }

    /**
     * The FHIR Observations of these rows: one per row, except a blood pressure, which becomes one panel from its
     * systolic row and the diastolic row of the same set ({@code rows} must hold both; a lone diastolic row is
     * left out, it is part of its systolic row's panel).
     */
    static List<org.hl7.fhir.r4.model.Observation> toFhir(List<Observation> rows) {
        Map<UUID, Observation> diastolicBySet = rows.stream()
                .filter(row -> row.sign() == VitalSign.DIASTOLIC_BP)
                .collect(Collectors.toMap(Observation::setId, row -> row, (a, b) -> a));
        List<org.hl7.fhir.r4.model.Observation> resources = new ArrayList<>();
        for (Observation row : rows) {
            if (row.sign() == VitalSign.DIASTOLIC_BP) {
                continue;
            }
            resources.add(row.sign() == VitalSign.SYSTOLIC_BP
                    ? bloodPressure(row, Optional.ofNullable(diastolicBySet.get(row.setId())))
                    : single(row));
        }
        return resources;
    }

    private static org.hl7.fhir.r4.model.Observation single(Observation row) {
        VitalSign sign = row.sign();
        org.hl7.fhir.r4.model.Observation observation = base(row);
        if (sign.profile() != null) {
            observation.getMeta().addProfile(sign.profile());
        }
        CodeableConcept code = observation.getCode();
        code.addCoding(new Coding(VitalSign.LOINC, sign.code(), sign.display()));
        if (!row.code().equals(sign.code())) {
            code.addCoding(new Coding(VitalSign.LOINC, row.code(), "Oxygen saturation in Arterial blood by Pulse oximetry"));
        }
        code.setText(sign.display());
        if (sign.coded()) {
            VitalSign.Consciousness level = VitalSign.Consciousness.of(row.valueCode()).orElseThrow();
            observation.setValue(new CodeableConcept().addCoding(new Coding(VitalSign.Consciousness.SNOMED,
                    level.snomed(), level.display())).setText(level.letter() + " (ACVPU)"));
        } else {
            observation.setValue(quantity(sign, row));
        }
        interpretation(row.interpretation()).ifPresent(observation::addInterpretation);
        return observation;
    }

    private static org.hl7.fhir.r4.model.Observation bloodPressure(Observation systolic, Optional<Observation> diastolic) {
        org.hl7.fhir.r4.model.Observation observation = base(systolic);
        observation.getMeta().addProfile(VitalSign.BLOOD_PRESSURE_PROFILE);
        observation.getCode().addCoding(new Coding(VitalSign.LOINC, VitalSign.BLOOD_PRESSURE_PANEL,
                "Blood pressure panel with all children optional")).setText("Blood pressure");
        for (Observation row : diastolic.map(d -> List.of(systolic, d)).orElse(List.of(systolic))) {
            var component = observation.addComponent();
            component.getCode().addCoding(new Coding(VitalSign.LOINC, row.sign().code(), row.sign().display()));
            component.setValue(quantity(row.sign(), row));
            interpretation(row.interpretation()).ifPresent(component::addInterpretation);
        }
        return observation;
    }

    private static org.hl7.fhir.r4.model.Observation base(Observation row) {
        org.hl7.fhir.r4.model.Observation observation = new org.hl7.fhir.r4.model.Observation();
        observation.setId(row.id().toString());
        observation.getMeta().setVersionId("1").setLastUpdatedElement(FhirPatientMapper.instant(row.recordedAt()));
        observation.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(OBSERVATION_SET_SYSTEM)
                .setValue(row.setId().toString());
        observation.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
        observation.addCategory().addCoding(new Coding(CATEGORY_SYSTEM, "vital-signs", "Vital Signs"))
                .setText("Vital Signs");
        observation.setSubject(new Reference("Patient/" + row.patientId()));
        if (row.encounterId() != null) {
            observation.setEncounter(new Reference("Encounter/" + row.encounterId()));
        }
        observation.setEffective(dateTime(row.effectiveAt()));
        observation.setIssuedElement(new InstantType(Date.from(row.recordedAt()), TemporalPrecisionEnum.MILLI, UTC));
        observation.addPerformer(new Reference().setIdentifier(new Identifier().setSystem(USER_SYSTEM)
                .setValue(row.recordedBy())));
        observation.getMethod().setText(Observation.SOURCE_TRIAGE.equals(row.source()) ? "Measured at triage"
                : "Measured and recorded by clinical staff");
        return observation;
    }

    private static Quantity quantity(VitalSign sign, Observation row) {
        return new Quantity().setValue(row.valueQuantity()).setUnit(sign.unitDisplay()).setSystem(VitalSign.UCUM)
                .setCode(sign.unit());
    }

    private static Optional<CodeableConcept> interpretation(Interpretation interpretation) {
        return Optional.ofNullable(interpretation).map(value -> new CodeableConcept()
                .addCoding(new Coding(Interpretation.SYSTEM, value.code(), value.display())));
    }

    static DateTimeType dateTime(Instant instant) {
        return new DateTimeType(Date.from(instant), TemporalPrecisionEnum.MILLI, UTC);
    }
}
