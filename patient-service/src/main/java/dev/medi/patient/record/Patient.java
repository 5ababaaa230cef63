package dev.medi.patient.record;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person known to the clinic: the aggregate root of patient-service. Demographics, identifiers issued by
 * others, allergies and an emergency contact; the medical record number is assigned once and never changes.
 * A record is never deleted: one registered by mistake is marked {@link PatientStatus#ENTERED_IN_ERROR},
 * after which it cannot change.
 *
 * <p>The normalised search columns and the identifier index are derived from this row by the database
 * (generated columns and triggers, see V2/V3 migrations), so every writer keeps them consistent.
 */
@Entity
@Table(name = "patients")
public class Patient {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String mrn;

    @Column(nullable = false)
    @Convert(converter = PatientStatus.Column.class)
    private PatientStatus status;

    @Column(name = "family_name", nullable = false)
    private String familyName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "given_names", nullable = false)
    private String[] givenNames;

    @Column(name = "name_prefix")
    private String namePrefix;

    @Column(name = "name_suffix")
    private String nameSuffix;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Column(nullable = false)
    @Convert(converter = AdministrativeGender.Column.class)
    private AdministrativeGender sex;

    private String phone;

    @Column(name = "phone_normalised")
    private String phoneNormalised;

    private String email;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "address_lines")
    private String[] addressLines;

    @Column(name = "address_city")
    private String addressCity;

    @Column(name = "address_postal_code")
    private String addressPostalCode;

    @Column(name = "address_country")
    private String addressCountry;

    @Convert(converter = JsonLists.IdentifierList.class)
    @Column(nullable = false)
    private List<Identifier> identifiers;

    @Convert(converter = JsonLists.AllergyList.class)
    @Column(nullable = false)
    private List<Allergy> allergies;

    @Column(name = "emergency_contact_name")
    private String emergencyContactName;

    @Column(name = "emergency_contact_relationship")
    private String emergencyContactRelationship;

    @Column(name = "emergency_contact_phone")
    private String emergencyContactPhone;

    @Column(name = "duplicate_override", nullable = false, updatable = false)
    private boolean duplicateOverride;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "duplicate_candidates", nullable = false, updatable = false)
    private UUID[] duplicateCandidates;

    @Column(name = "entered_in_error_at")
    private Instant enteredInErrorAt;

    @Column(name = "entered_in_error_by")
    private String enteredInErrorBy;

    @Column(name = "entered_in_error_reason")
    private String enteredInErrorReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    private long version;

    protected Patient() {
        // for Hibernate
    }

    /**
     * A new active record.
     *
     * @param overriddenDuplicates the likely duplicates the registering user was shown and chose to ignore
     *                             (empty when the check found none)
     * @param countryCode          calling code for nationally written phone numbers (see {@link PhoneNumbers})
     */
    public static Patient register(UUID id, String mrn, Demographics demographics, List<UUID> overriddenDuplicates,
                                   String countryCode, String actor, Instant now) {
        if (!MedicalRecordNumber.isValid(mrn)) {
            throw new IllegalArgumentException("invalid MRN");
        }
        Patient patient = new Patient();
        patient.id = Objects.requireNonNull(id);
        patient.mrn = mrn;
        patient.status = PatientStatus.ACTIVE;
        patient.setName(Objects.requireNonNull(demographics.name()));
        patient.birthDate = Objects.requireNonNull(demographics.birthDate());
        patient.sex = Objects.requireNonNull(demographics.sex());
        patient.setPhone(demographics.phone(), countryCode);
        patient.email = HumanName.blankToNull(demographics.email());
        patient.setAddress(demographics.address());
        patient.setIdentifiers(demographics.identifiers());
        patient.setAllergies(demographics.allergies());
        patient.setEmergencyContact(demographics.emergencyContact());
        patient.duplicateOverride = !overriddenDuplicates.isEmpty();
        patient.duplicateCandidates = overriddenDuplicates.toArray(UUID[]::new);
        patient.createdAt = now;
        patient.createdBy = Objects.requireNonNull(actor);
        patient.updatedAt = now;
        patient.updatedBy = actor;
        return patient;
    }

    /**
     * Applies {@code changes}; returns the API names of the fields whose value changed (empty: nothing did).
     *
     * @throws PatientStateException when the record was entered in error
     */
    public Set<String> update(PatientChanges changes, String countryCode, String actor, Instant now) {
        requireActive();
        Set<String> changed = new LinkedHashSet<>();
        if (changes.name() != null && !changes.name().normalised().equals(name())) {
            setName(changes.name());
            changed.add("name");
        }
        if (changes.birthDate() != null && !changes.birthDate().equals(birthDate)) {
            birthDate = changes.birthDate();
            changed.add("birthDate");
        }
        if (changes.sex() != null && changes.sex() != sex) {
            sex = changes.sex();
            changed.add("sex");
        }
        String newPhone = changes.clears(PatientChanges.Field.PHONE) ? null
                : changes.phone() != null ? changes.phone() : phone;
        if (!Objects.equals(HumanName.blankToNull(newPhone), phone)) {
            setPhone(newPhone, countryCode);
            changed.add("phone");
        }
        String newEmail = changes.clears(PatientChanges.Field.EMAIL) ? null
                : changes.email() != null ? HumanName.blankToNull(changes.email()) : email;
        if (!Objects.equals(newEmail, email)) {
            email = newEmail;
            changed.add("email");
        }
        PostalAddress newAddress = changes.clears(PatientChanges.Field.ADDRESS) ? null
                : changes.address() != null ? changes.address().normalised() : address();
        if (!Objects.equals(newAddress, address())) {
            setAddress(newAddress);
            changed.add("address");
        }
        List<Identifier> newIdentifiers = changes.clears(PatientChanges.Field.IDENTIFIERS) ? List.of()
                : changes.identifiers() != null ? normalisedIdentifiers(changes.identifiers()) : identifiers;
        if (!new HashSet<>(newIdentifiers).equals(new HashSet<>(identifiers))) {
            setIdentifiers(newIdentifiers);
            changed.add("identifiers");
        }
        List<Allergy> newAllergies = changes.clears(PatientChanges.Field.ALLERGIES) ? List.of()
                : changes.allergies() != null ? changes.allergies().stream().map(Allergy::normalised).toList() : allergies;
        if (!newAllergies.equals(allergies)) {
            setAllergies(newAllergies);
            changed.add("allergies");
        }
        EmergencyContact newContact = changes.clears(PatientChanges.Field.EMERGENCY_CONTACT) ? null
                : changes.emergencyContact() != null ? changes.emergencyContact().normalised() : emergencyContact();
        if (!Objects.equals(newContact, emergencyContact())) {
            setEmergencyContact(newContact);
            changed.add("emergencyContact");
        }
        if (!changed.isEmpty()) {
            updatedAt = now;
            updatedBy = Objects.requireNonNull(actor);
        }
        return changed;
    }

    /**
     * Marks the record as registered by mistake (FHIR {@code entered-in-error}). It keeps its data, leaves the
     * search, releases its identifiers, and cannot change any more.
     *
     * @throws PatientStateException when it already is
     */
    public void markEnteredInError(String reason, String actor, Instant now) {
        requireActive();
        status = PatientStatus.ENTERED_IN_ERROR;
        enteredInErrorAt = now;
        enteredInErrorBy = Objects.requireNonNull(actor);
        enteredInErrorReason = Objects.requireNonNull(reason).strip();
        updatedAt = now;
        updatedBy = actor;
    }

    private void requireActive() {
        if (status() != PatientStatus.ACTIVE) {
            throw new PatientStateException("The record was entered in error and can no longer change.");
        }
    }

    private void setName(HumanName name) {
        HumanName normalised = name.normalised();
        familyName = normalised.family();
        givenNames = normalised.given().toArray(String[]::new);
        namePrefix = normalised.prefix();
        nameSuffix = normalised.suffix();
    }

    private void setPhone(String raw, String countryCode) {
        phone = HumanName.blankToNull(raw);
        phoneNormalised = PhoneNumbers.normalise(phone, countryCode);
    }

    private void setAddress(PostalAddress address) {
        PostalAddress normalised = address == null ? null : address.normalised();
        addressLines = normalised == null ? null : normalised.lines().toArray(String[]::new);
        addressCity = normalised == null ? null : normalised.city();
        addressPostalCode = normalised == null ? null : normalised.postalCode();
        addressCountry = normalised == null ? null : normalised.country();
    }

    private void setIdentifiers(List<Identifier> values) {
        identifiers = values == null ? new ArrayList<>() : new ArrayList<>(normalisedIdentifiers(values));
    }

    private void setAllergies(List<Allergy> values) {
        allergies = values == null ? new ArrayList<>() : new ArrayList<>(values.stream().map(Allergy::normalised).toList());
    }

    private void setEmergencyContact(EmergencyContact contact) {
        EmergencyContact normalised = contact == null ? null : contact.normalised();
        emergencyContactName = normalised == null ? null : normalised.name();
        emergencyContactRelationship = normalised == null ? null : normalised.relationship();
        emergencyContactPhone = normalised == null ? null : normalised.phone();
    }

    private static List<Identifier> normalisedIdentifiers(List<Identifier> values) {
        return values.stream().map(Identifier::normalised).toList();
    }

    public UUID id() {
        return id;
    }

    public String mrn() {
        return mrn;
    }

    public PatientStatus status() {
        return status;
    }

    public HumanName name() {
        return new HumanName(familyName, givenNames == null ? List.of() : Arrays.asList(givenNames), namePrefix, nameSuffix);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public AdministrativeGender sex() {
        return sex;
    }

    public String phone() {
        return phone;
    }

    public String phoneNormalised() {
        return phoneNormalised;
    }

    public String email() {
        return email;
    }

    /** {@code null} when none was recorded. */
    public PostalAddress address() {
        if (addressLines == null && addressCity == null && addressPostalCode == null && addressCountry == null) {
            return null;
        }
        return new PostalAddress(addressLines == null ? List.of() : Arrays.asList(addressLines), addressCity,
                addressPostalCode, addressCountry);
    }

    public List<Identifier> identifiers() {
        return List.copyOf(identifiers);
    }

    public List<Allergy> allergies() {
        return List.copyOf(allergies);
    }

    /** {@code null} when none was recorded. */
    public EmergencyContact emergencyContact() {
        return emergencyContactName == null ? null
                : new EmergencyContact(emergencyContactName, emergencyContactRelationship, emergencyContactPhone);
    }

    public boolean duplicateOverride() {
        return duplicateOverride;
    }

    public List<UUID> duplicateCandidates() {
        return duplicateCandidates == null ? List.of() : List.of(duplicateCandidates);
    }

    public Instant enteredInErrorAt() {
        return enteredInErrorAt;
    }

    public String enteredInErrorBy() {
        return enteredInErrorBy;
    }

    public String enteredInErrorReason() {
        return enteredInErrorReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public long version() {
        return version;
    }
}
