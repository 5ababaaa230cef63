package dev.medi.patient.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import dev.medi.patient.record.EmergencyContact;
import dev.medi.patient.record.PatientStatus;
import dev.medi.patient.record.PostalAddress;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;

import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

/**
 * A patient record as a FHIR R4 Patient. Allergies are not part of Patient in FHIR (they are AllergyIntolerance
 * resources) and are left out; so are the duplicate-check and entered-in-error bookkeeping.
 */
final class FhirPatientMapper {

    static final String IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String CONTACT_ROLE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0131";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private FhirPatientMapper() {
    }

    static Patient toFhir(dev.medi.patient.record.Patient record) {
        Patient patient = new Patient();
        patient.setId(record.id().toString());
        patient.getMeta().setVersionId(Long.toString(record.version())).setLastUpdatedElement(instant(record.updatedAt()));

        Identifier mrn = patient.addIdentifier().setUse(Identifier.IdentifierUse.USUAL)
                .setSystem(PatientSearchParameters.MRN_SYSTEM).setValue(record.mrn());
        mrn.getType().addCoding().setSystem(IDENTIFIER_TYPE_SYSTEM).setCode("MR").setDisplay("Medical record number");
        for (dev.medi.patient.record.Identifier identifier : record.identifiers()) {
            patient.addIdentifier().setSystem(PatientSearchParameters.fhirSystem(identifier.system()))
                    .setValue(identifier.value());
        }

        patient.setActive(record.status() == PatientStatus.ACTIVE);

        dev.medi.patient.record.HumanName name = record.name();
        HumanName official = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(name.family());
        name.given().forEach(official::addGiven);
        if (name.prefix() != null) {
            official.addPrefix(name.prefix());
        }
        if (name.suffix() != null) {
            official.addSuffix(name.suffix());
        }

        if (record.phone() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(record.phone());
        }
        if (record.email() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(record.email());
        }

        patient.setGender(AdministrativeGender.fromCode(record.sex().code()));
        patient.setBirthDateElement(new DateType(record.birthDate().toString()));

        PostalAddress address = record.address();
        if (address != null) {
            Address home = patient.addAddress().setUse(Address.AddressUse.HOME);
            address.lines().forEach(home::addLine);
            home.setCity(address.city()).setPostalCode(address.postalCode()).setCountry(address.country());
        }

        EmergencyContact emergency = record.emergencyContact();
        if (emergency != null) {
            Patient.ContactComponent contact = patient.addContact();
            contact.addRelationship().addCoding().setSystem(CONTACT_ROLE_SYSTEM).setCode("C").setDisplay("Emergency Contact");
            if (emergency.relationship() != null) {
                // free text as recorded ("daughter", "Nachbar"): no code is guessed from it
                contact.addRelationship().setText(emergency.relationship());
            }
            contact.setName(new HumanName().setText(emergency.name()));
            contact.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(emergency.phone());
        }
        return patient;
    }

    static InstantType instant(Instant instant) {
        return new InstantType(Date.from(instant), TemporalPrecisionEnum.MILLI, UTC);
    }
}
