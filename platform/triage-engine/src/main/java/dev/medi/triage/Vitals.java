package dev.medi.triage;

/**
 * Vital signs taken at triage. Every value may be {@code null}, meaning "not measured"; the engine treats a
 * missing vital as <em>not</em> in the danger zone (ESI v4 decision point D) and says in its explanation which
 * danger-zone vitals were not measured.
 *
 * <p>Only heart rate, respiratory rate and SpO2 take part in the ESI danger zone; temperature is used for the
 * neonatal fever rule; AVPU for decision point A; pain for decision point B. Blood pressure is recorded but not
 * used by ESI v4.
 *
 * <p>The compact constructor rejects values outside physiologically possible ranges with an
 * {@link IllegalArgumentException} whose message names the field but never echoes the value. The temperature
 * range (0 – 47 °C) also catches a Fahrenheit reading typed into the Celsius field, which would otherwise look
 * like a fever.
 *
 * @param heartRate          beats per minute, 0 – 350
 * @param respiratoryRate    breaths per minute, 0 – 150
 * @param spo2               peripheral oxygen saturation in percent, 0 – 100
 * @param systolicBp         systolic blood pressure in mmHg, 0 – 350
 * @param diastolicBp        diastolic blood pressure in mmHg, 0 – 300
 * @param temperatureCelsius body temperature in °C, 0 – 47, finite
 * @param pain               pain score on the 0 – 10 numeric rating scale
 * @param consciousness      level of consciousness on the AVPU scale
 */
public record Vitals(
        Integer heartRate,
        Integer respiratoryRate,
        Integer spo2,
        Integer systolicBp,
        Integer diastolicBp,
        Double temperatureCelsius,
        Integer pain,
        Avpu consciousness) {

    /** Name of the heart-rate vital as reported in {@link TriageResult#dangerZoneVitalsExceeded()}. */
    public static final String HEART_RATE = "heartRate";
    /** Name of the respiratory-rate vital as reported in {@link TriageResult#dangerZoneVitalsExceeded()}. */
    public static final String RESPIRATORY_RATE = "respiratoryRate";
    /** Name of the SpO2 vital as reported in {@link TriageResult#dangerZoneVitalsExceeded()}. */
    public static final String SPO2 = "spo2";

    private static final Vitals NOT_MEASURED = new Vitals(null, null, null, null, null, null, null, null);

    public Vitals {
        requireRange(heartRate, 0, 350, HEART_RATE);
        requireRange(respiratoryRate, 0, 150, RESPIRATORY_RATE);
        requireRange(spo2, 0, 100, SPO2);
        requireRange(systolicBp, 0, 350, "systolicBp");
        requireRange(diastolicBp, 0, 300, "diastolicBp");
        requireRange(pain, 0, 10, "pain");
        if (temperatureCelsius != null
                && !(temperatureCelsius >= 0.0 && temperatureCelsius <= 47.0)) { // also rejects NaN
            throw new IllegalArgumentException("temperatureCelsius must be between 0 and 47 degrees Celsius");
        }
    }

    /** Vitals with nothing measured. */
    public static Vitals notMeasured() {
        return NOT_MEASURED;
    }

    /** A builder, so that callers set values by name rather than by position among several integers. */
    public static Builder builder() {
        return new Builder();
    }

    private static void requireRange(Integer value, int min, int max, String name) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
    }

    /** Builder for {@link Vitals}; unset values stay {@code null} (not measured). */
    public static final class Builder {
        private Integer heartRate;
        private Integer respiratoryRate;
        private Integer spo2;
        private Integer systolicBp;
        private Integer diastolicBp;
        private Double temperatureCelsius;
        private Integer pain;
        private Avpu consciousness;

        private Builder() {
        }

        public Builder heartRate(Integer heartRate) {
            this.heartRate = heartRate;
            return this;
        }

        public Builder respiratoryRate(Integer respiratoryRate) {
            this.respiratoryRate = respiratoryRate;
            return this;
        }

        public Builder spo2(Integer spo2) {
            this.spo2 = spo2;
            return this;
        }

        public Builder bloodPressure(Integer systolicBp, Integer diastolicBp) {
            this.systolicBp = systolicBp;
            this.diastolicBp = diastolicBp;
            return this;
        }

        public Builder temperatureCelsius(Double temperatureCelsius) {
            this.temperatureCelsius = temperatureCelsius;
            return this;
        }

        public Builder pain(Integer pain) {
            this.pain = pain;
            return this;
        }

        public Builder consciousness(Avpu consciousness) {
            this.consciousness = consciousness;
            return this;
        }

        /** @throws IllegalArgumentException if a value is out of range */
        public Vitals build() {
            return new Vitals(heartRate, respiratoryRate, spo2, systolicBp, diastolicBp, temperatureCelsius, pain,
                    consciousness);
        }
    }
}
