package dev.medi.patient.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Flags a vital sign as low, normal or high (critical or not) for the patient's age on the day it was measured.
 *
 * <p>Sources:
 * <ul>
 *   <li><b>Adults (18 years and older)</b>: the National Early Warning Score 2 (Royal College of Physicians,
 *       London, 2017), chart 1. A parameter scoring 0 is normal, 1–2 low/high, 3 critical (LL/HH): respiration
 *       rate ≤8 / 9–11 / 12–20 / 21–24 / ≥25; SpO2 (scale 1) ≤91 / 92–95 / ≥96; systolic BP ≤90 / 91–110 /
 *       111–219 / ≥220; pulse ≤40 / 41–50 / 51–90 / 91–130 / ≥131; temperature ≤35.0 / 35.1–36.0 / 36.1–38.0 /
 *       ≥38.1 (NEWS2 gives no 3 for fever, so no HH); consciousness: anything but alert (new confusion, voice,
 *       pain, unresponsive) scores 3 (AA). NEWS2 does not score diastolic pressure: high from 90 mmHg, critical
 *       from 120 mmHg (2018 ESC/ESH hypertension guideline: grade 1 and the hypertensive-emergency threshold).</li>
 *   <li><b>Infants (under 1 year), children (1–11) and adolescents (12–17)</b>: the normal ranges of the AHA
 *       Pediatric Advanced Life Support provider manual (2020): awake heart rate neonate 100–205, infant 100–180,
 *       toddler (1–2 y) 98–140, preschool (3–5 y) 80–120, school age (6–11 y) 75–118, adolescent 60–100;
 *       respiratory rate infant 30–53, toddler 22–37, preschool 20–28, school age 18–25, adolescent 12–20;
 *       systolic/diastolic BP infant 72–104/37–56, toddler 86–106/42–63, preschool 89–112/46–72, school age
 *       (6–9 y) 97–115/57–76, preadolescent (10–11 y) 102–120/61–80, adolescent 110–131/64–83. Critical: PALS
 *       hypotension (systolic &lt;60 in neonates, &lt;70 in infants, &lt;70 + 2 × age in years from 1 to 10,
 *       &lt;90 from 10), bradycardia &lt;60/min (the PALS threshold for CPR with poor perfusion), heart rate
 *       ≥220/min in infants and ≥180/min in children (PALS: probable supraventricular tachycardia), respiratory
 *       rate ≥60/min or ≤10/min. SpO2 below 94 % is low (the PALS target), ≤91 % critical (as NEWS2). Fever from
 *       38.0 °C (NICE NG143). Adolescents use the adult (NEWS2) critical limits.</li>
 * </ul>
 * Pain, weight and height get no interpretation (no age-independent normal). A plain function of its arguments,
 * so it is unit-tested without Quarkus.
 */
public final class VitalSignReferenceRanges {

    /** The age bands of the ranges. */
    public enum AgeBand {
        /** Under 1 year (the first 28 days: neonate, with lower pressure limits). */
        INFANT,
        /** 1 to 11 years. */
        CHILD,
        /** 12 to 17 years. */
        ADOLESCENT,
        /** 18 years and older. */
        ADULT;

        public static AgeBand of(LocalDate birthDate, LocalDate on) {
            int years = Period.between(birthDate, on).getYears();
            return years < 1 ? INFANT : years < 12 ? CHILD : years < 18 ? ADOLESCENT : ADULT;
        }
    }

    /**
     * Limits, each inclusive, {@code null} where the band does not exist: at or below {@code criticalLow} LL,
     * below {@code lowNormal} L, above {@code highNormal} H, at or above {@code criticalHigh} HH.
     */
    record Range(BigDecimal criticalLow, BigDecimal lowNormal, BigDecimal highNormal, BigDecimal criticalHigh) {

        static Range of(String criticalLow, String lowNormal, String highNormal, String criticalHigh) {
            return new Range(number(criticalLow), number(lowNormal), number(highNormal), number(criticalHigh));
        }

        private static BigDecimal number(String value) {
            return value == null ? null : new BigDecimal(value);
        }

        Interpretation interpret(BigDecimal value) {
            if (criticalLow != null && value.compareTo(criticalLow) <= 0) {
                return Interpretation.CRITICAL_LOW;
            }
            if (criticalHigh != null && value.compareTo(criticalHigh) >= 0) {
                return Interpretation.CRITICAL_HIGH;
            }
            if (lowNormal != null && value.compareTo(lowNormal) < 0) {
                return Interpretation.LOW;
            }
            if (highNormal != null && value.compareTo(highNormal) > 0) {
                return Interpretation.HIGH;
            }
            return Interpretation.NORMAL;
        }
    }

    private VitalSignReferenceRanges() {
    }

    /**
     * The interpretation of {@code value} (a number in the sign's UCUM unit) measured on {@code on} for a patient
     * born on {@code birthDate}; empty for signs without a reference range (pain, weight, height) or a coded sign.
     */
    public static Optional<Interpretation> interpret(VitalSign sign, BigDecimal value, LocalDate birthDate, LocalDate on) {
        return range(sign, birthDate, on).map(range -> range.interpret(value));
    }

    /** ACVPU: alert is normal; new confusion, voice, pain or unresponsive is critical (NEWS2 scores them 3). */
    public static Interpretation interpret(VitalSign.Consciousness level) {
        return level == VitalSign.Consciousness.ALERT ? Interpretation.NORMAL : Interpretation.CRITICAL_ABNORMAL;
    }

    /** The range for the sign at that age; empty when there is none. */
    static Optional<Range> range(VitalSign sign, LocalDate birthDate, LocalDate on) {
        AgeBand band = AgeBand.of(birthDate, on);
        long days = ChronoUnit.DAYS.between(birthDate, on);
        int years = Period.between(birthDate, on).getYears();
        return Optional.ofNullable(switch (band) {
            case ADULT -> adult(sign);
            case ADOLESCENT -> adolescent(sign);
            case CHILD -> child(sign, years);
            case INFANT -> infant(sign, days < 28);
        });
    }

    private static Range adult(VitalSign sign) {
        return switch (sign) {
            case HEART_RATE -> Range.of("40", "51", "90", "131");
            case RESPIRATORY_RATE -> Range.of("8", "12", "20", "25");
            case OXYGEN_SATURATION -> Range.of("91", "96", null, null);
            case SYSTOLIC_BP -> Range.of("90", "111", "219", "220");
            case DIASTOLIC_BP -> Range.of(null, null, "89", "120");
            case BODY_TEMPERATURE -> Range.of("35.0", "36.1", "38.0", null);
            default -> null;
        };
    }

    private static Range adolescent(VitalSign sign) {
        return switch (sign) {
            case HEART_RATE -> Range.of("40", "60", "100", "131");
            case RESPIRATORY_RATE -> Range.of("8", "12", "20", "25");
            case OXYGEN_SATURATION -> Range.of("91", "94", null, null);
            case SYSTOLIC_BP -> Range.of("89", "110", "131", "220");
            case DIASTOLIC_BP -> Range.of(null, "64", "83", "120");
            case BODY_TEMPERATURE -> Range.of("35.0", "36.1", "37.9", null);
            default -> null;
        };
    }

    /** Toddler (1–2), preschool (3–5), school age (6–9), preadolescent (10–11). */
    private static Range child(VitalSign sign, int years) {
        int hypotension = years >= 10 ? 90 : 70 + 2 * years; // PALS: below this systolic pressure is hypotension
        String criticalLowSystolic = Integer.toString(hypotension - 1);
        List<String> heart = years <= 2 ? List.of("98", "140") : years <= 5 ? List.of("80", "120") : List.of("75", "118");
        List<String> breathing = years <= 2 ? List.of("22", "37") : years <= 5 ? List.of("20", "28") : List.of("18", "25");
        List<String> systolic = years <= 2 ? List.of("86", "106") : years <= 5 ? List.of("89", "112")
                : years <= 9 ? List.of("97", "115") : List.of("102", "120");
        List<String> diastolic = years <= 2 ? List.of("42", "63") : years <= 5 ? List.of("46", "72")
                : years <= 9 ? List.of("57", "76") : List.of("61", "80");
        return switch (sign) {
            case HEART_RATE -> Range.of("59", heart.get(0), heart.get(1), "180");
            case RESPIRATORY_RATE -> Range.of("10", breathing.get(0), breathing.get(1), "60");
            case OXYGEN_SATURATION -> Range.of("91", "94", null, null);
            case SYSTOLIC_BP -> Range.of(criticalLowSystolic, systolic.get(0), systolic.get(1), null);
            case DIASTOLIC_BP -> Range.of(null, diastolic.get(0), diastolic.get(1), null);
            case BODY_TEMPERATURE -> Range.of("35.0", "36.1", "37.9", null);
            default -> null;
        };
    }

    private static Range infant(VitalSign sign, boolean neonate) {
        return switch (sign) {
            case HEART_RATE -> Range.of("59", "100", neonate ? "205" : "180", "220");
            case RESPIRATORY_RATE -> Range.of("10", "30", "53", "60");
            case OXYGEN_SATURATION -> Range.of("91", "94", null, null);
            case SYSTOLIC_BP -> Range.of(neonate ? "59" : "69", "72", "104", null);
            case DIASTOLIC_BP -> Range.of(null, "37", "56", null);
            case BODY_TEMPERATURE -> Range.of("35.0", "36.1", "37.9", null);
            default -> null;
        };
    }
}
