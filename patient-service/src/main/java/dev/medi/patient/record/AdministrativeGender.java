package dev.medi.patient.record;

/** FHIR R4 AdministrativeGender: the sex recorded for administration, not a clinical finding. */
public enum AdministrativeGender {
    MALE("male"),
    FEMALE("female"),
    OTHER("other"),
    UNKNOWN("unknown");

    /** For Bean Validation of the API's string field. */
    public static final String PATTERN = "male|female|other|unknown";

    private final String code;

    AdministrativeGender(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AdministrativeGender ofCode(String code) {
        for (AdministrativeGender gender : values()) {
            if (gender.code.equals(code)) {
                return gender;
            }
        }
        throw new IllegalArgumentException("unknown administrative gender");
    }
}
