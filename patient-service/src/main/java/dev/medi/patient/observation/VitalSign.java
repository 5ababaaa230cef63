package dev.medi.patient.observation;

import dev.medi.patient.coded.Coded;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The vital signs this service records, with their LOINC codes, UCUM units and the physiologically possible
 * values (outside them a number is a typing or device error, refused with 400). Codes and units follow the FHIR
 * R4 vital-signs profiles (http://hl7.org/fhir/R4/observation-vitalsigns.html); blood pressure is recorded as two
 * observations (systolic, diastolic) and served in FHIR as the panel {@link #BLOOD_PRESSURE_PANEL}.
 */
public enum VitalSign implements Coded {
    HEART_RATE("8867-4", List.of(), "Heart rate", "/min", "beats/minute", 20, 300, 0,
            "http://hl7.org/fhir/StructureDefinition/heartrate"),
    RESPIRATORY_RATE("9279-1", List.of(), "Respiratory rate", "/min", "breaths/minute", 2, 100, 0,
            "http://hl7.org/fhir/StructureDefinition/resprate"),
    /** 2708-6 (oxygen saturation in arterial blood), also accepted as 59408-5 (by pulse oximetry). */
    OXYGEN_SATURATION("2708-6", List.of("59408-5"), "Oxygen saturation in Arterial blood", "%", "%", 50, 100, 0,
            "http://hl7.org/fhir/StructureDefinition/oxygensat"),
    SYSTOLIC_BP("8480-6", List.of(), "Systolic blood pressure", "mm[Hg]", "mmHg", 40, 300, 0, null),
    DIASTOLIC_BP("8462-4", List.of(), "Diastolic blood pressure", "mm[Hg]", "mmHg", 10, 200, 0, null),
    BODY_TEMPERATURE("8310-5", List.of(), "Body temperature", "Cel", "°C", 25, 45, 1,
            "http://hl7.org/fhir/StructureDefinition/bodytemp"),
    PAIN_SCORE("72514-3", List.of(), "Pain severity - 0-10 verbal numeric rating [Score] - Reported", "{score}", "score",
            0, 10, 0, null),
    BODY_WEIGHT("29463-7", List.of(), "Body weight", "kg", "kg", new BigDecimal("0.2"), new BigDecimal("500"), 3,
            "http://hl7.org/fhir/StructureDefinition/bodyweight"),
    BODY_HEIGHT("8302-2", List.of(), "Body height", "cm", "cm", 20, 280, 1,
            "http://hl7.org/fhir/StructureDefinition/bodyheight"),
    /**
     * Level of responsiveness on the ACVPU scale of NEWS2 (alert, new confusion, voice, pain, unresponsive): a
     * coded value ({@link Consciousness}), no unit.
     */
    CONSCIOUSNESS("67775-7", List.of(), "Level of responsiveness", null, null, 0, 0, 0, null);

    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    /** FHIR code of the blood pressure panel, whose components are the systolic and diastolic observations. */
    public static final String BLOOD_PRESSURE_PANEL = "85354-9";
    public static final String BLOOD_PRESSURE_PROFILE = "http://hl7.org/fhir/StructureDefinition/bp";

    private final String code;
    private final List<String> alternativeCodes;
    private final String display;
    private final String unit;
    private final String unitDisplay;
    private final BigDecimal min;
    private final BigDecimal max;
    private final int scale;
    private final String profile;

    VitalSign(String code, List<String> alternativeCodes, String display, String unit, String unitDisplay, int min,
              int max, int scale, String profile) {
        this(code, alternativeCodes, display, unit, unitDisplay, BigDecimal.valueOf(min), BigDecimal.valueOf(max), scale,
                profile);
    }

    VitalSign(String code, List<String> alternativeCodes, String display, String unit, String unitDisplay,
              BigDecimal min, BigDecimal max, int scale, String profile) {
        this.code = code;
        this.alternativeCodes = alternativeCodes;
        this.display = display;
        this.unit = unit;
        this.unitDisplay = unitDisplay;
        this.min = min;
        this.max = max;
        this.scale = scale;
        this.profile = profile;
    }

    /** The LOINC code this service files it under. */
    @Override
    public String code() {
        return code;
    }

    /** Every LOINC code accepted for it (the first is {@link #code()}). */
    public List<String> codes() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(code), alternativeCodes.stream()).toList();
    }

    public String display() {
        return display;
    }

    /** UCUM code of the unit; {@code null} for a coded value. */
    public String unit() {
        return unit;
    }

    public String unitDisplay() {
        return unitDisplay;
    }

    /** Lowest possible value (inclusive). */
    public BigDecimal min() {
        return min;
    }

    /** Highest possible value (inclusive). */
    public BigDecimal max() {
        return max;
    }

    /** Decimal places accepted (0: whole numbers only). */
    public int scale() {
        return scale;
    }

    public boolean coded() {
        return this == CONSCIOUSNESS;
    }

    /** The FHIR R4 vital-signs profile it conforms to, or {@code null} (pain, ACVPU; BP is served as a panel). */
    public String profile() {
        return profile;
    }

    /** The vital sign with this LOINC code (any accepted code). */
    public static Optional<VitalSign> ofCode(String code) {
        for (VitalSign sign : values()) {
            if (sign.code.equals(code) || sign.alternativeCodes.contains(code)) {
                return Optional.of(sign);
            }
        }
        return Optional.empty();
    }

    /** Why {@code value} cannot be a measurement of this sign, or empty when it can. */
    public Optional<String> checkValue(BigDecimal value) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return Optional.of("must be between " + min.toPlainString() + " and " + max.toPlainString() + " " + unitDisplay);
        }
        if (value.stripTrailingZeros().scale() > scale) {
            return Optional.of(scale == 0 ? "must be a whole number" : "allows at most " + scale + " decimal places");
        }
        return Optional.empty();
    }

    /** ACVPU (NEWS2): the answers to {@link #CONSCIOUSNESS}, as SNOMED CT findings. */
    public enum Consciousness {
        ALERT("A", "248234008", "Mentally alert"),
        NEW_CONFUSION("C", "130987000", "Acute confusion"),
        VOICE("V", "300202002", "Responds to voice"),
        PAIN("P", "450847001", "Responds to pain"),
        UNRESPONSIVE("U", "422768004", "Unresponsive");

        public static final String SNOMED = "http://snomed.info/sct";

        private final String letter;
        private final String snomed;
        private final String display;

        Consciousness(String letter, String snomed, String display) {
            this.letter = letter;
            this.snomed = snomed;
            this.display = display;
        }

        /** The ACVPU letter, as stored and sent by the API. */
        public String letter() {
            return letter;
        }

        public String snomed() {
            return snomed;
        }

        public String display() {
            return display;
        }

        /** By letter ({@code A}) or name ({@code ALERT}, as queue-service sends it), any case. */
        public static Optional<Consciousness> of(String value) {
            if (value == null) {
                return Optional.empty();
            }
            String wanted = value.strip().toUpperCase(java.util.Locale.ROOT);
            for (Consciousness level : values()) {
                if (level.letter.equals(wanted) || level.name().equals(wanted)) {
                    return Optional.of(level);
                }
            }
            return Optional.empty();
        }
    }
}
