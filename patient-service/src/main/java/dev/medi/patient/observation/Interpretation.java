package dev.medi.patient.observation;

import dev.medi.patient.coded.Coded;
import dev.medi.patient.coded.CodedConverter;
import jakarta.persistence.Converter;

/**
 * How a vital sign compares with the reference range for the patient's age: FHIR
 * {@code Observation.interpretation}, codes of http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation.
 */
public enum Interpretation implements Coded {
    CRITICAL_LOW("LL", "Critical low"),
    LOW("L", "Low"),
    NORMAL("N", "Normal"),
    HIGH("H", "High"),
    CRITICAL_HIGH("HH", "Critical high"),
    /** A coded value far from normal (ACVPU other than alert). */
    CRITICAL_ABNORMAL("AA", "Critical abnormal");

    public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private final String code;
    private final String display;

    Interpretation(String code, String display) {
        this.code = code;
        this.display = display;
    }

    @Override
    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    public boolean abnormal() {
        return this != NORMAL;
    }

    /** Stores the code. */
    @Converter
    public static final class Column extends CodedConverter<Interpretation> {
        public Column() {
            super(Interpretation.class);
        }
    }
}
