package dev.medi.patient.record;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A partial update of a patient: {@code null} fields stay as they are, a given field replaces the value
 * (lists replace the whole list), and the fields named in {@code clear} are removed.
 */
public record PatientChanges(
        HumanName name,
        LocalDate birthDate,
        AdministrativeGender sex,
        String phone,
        String email,
        PostalAddress address,
        List<Identifier> identifiers,
        List<Allergy> allergies,
        EmergencyContact emergencyContact,
        Set<Field> clear) {

    /** The optional fields a change can remove, by their API names. */
    public enum Field {
        PHONE("phone"), EMAIL("email"), ADDRESS("address"), IDENTIFIERS("identifiers"), ALLERGIES("allergies"),
        EMERGENCY_CONTACT("emergencyContact");

        /** For Bean Validation of the API's {@code clear} list. */
        public static final String PATTERN = "phone|email|address|identifiers|allergies|emergencyContact";

        private final String apiName;

        Field(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        public static Field ofApiName(String name) {
            for (Field field : values()) {
                if (field.apiName.equals(name)) {
                    return field;
                }
            }
            throw new IllegalArgumentException("not a clearable field");
        }
    }

    public PatientChanges {
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }

    public boolean clears(Field field) {
        return clear.contains(field);
    }
}
