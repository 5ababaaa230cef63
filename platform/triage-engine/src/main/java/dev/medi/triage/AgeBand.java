package dev.medi.triage;

import java.time.Period;

/**
 * Paediatric age bands of the ESI v4 danger-zone vital signs (decision point D), with their limits. A heart
 * rate or respiratory rate strictly <em>greater</em> than the limit is in the danger zone; a value equal to the
 * limit is not. (SpO2 &lt; 92% applies at every age, see {@link TriageEngine#SPO2_DANGER_ZONE_BELOW}.)
 *
 * <table>
 *   <caption>Danger-zone limits (ESI v4 Implementation Handbook)</caption>
 *   <tr><th>Band</th><th>Calendar age</th><th>HR &gt;</th><th>RR &gt;</th></tr>
 *   <tr><td>{@link #UNDER_3_MONTHS}</td><td>birth up to the day before 3 months</td><td>180</td><td>50</td></tr>
 *   <tr><td>{@link #THREE_MONTHS_TO_3_YEARS}</td><td>exactly 3 months up to the day before the 3rd birthday</td>
 *       <td>160</td><td>40</td></tr>
 *   <tr><td>{@link #THREE_TO_8_YEARS}</td><td>3rd birthday up to and including the 8th birthday</td>
 *       <td>140</td><td>30</td></tr>
 *   <tr><td>{@link #OVER_8_YEARS}</td><td>from the day after the 8th birthday (adults included)</td>
 *       <td>100</td><td>20</td></tr>
 * </table>
 *
 * <p>Boundaries: the handbook labels are "&lt; 3 m", "3 m – 3 y", "3 – 8 y" and "&gt; 8 y". Its own wording
 * settles two of them: exactly 3 months is not "&lt; 3 m", and exactly 8 years is not "&gt; 8 y". The two middle
 * labels both contain exactly 3 years; that day goes to the older band, {@link #THREE_TO_8_YEARS}, whose lower
 * limits are the more sensitive choice (under-triage is the more dangerous error). Ages are calendar ages from
 * {@link PatientAge#period()}; "8 years" means the 8th birthday itself, so 8 years and 1 day is
 * {@link #OVER_8_YEARS}.
 */
public enum AgeBand {
    UNDER_3_MONTHS("< 3 months", 180, 50),
    THREE_MONTHS_TO_3_YEARS("3 months - 3 years", 160, 40),
    THREE_TO_8_YEARS("3 - 8 years", 140, 30),
    OVER_8_YEARS("> 8 years", 100, 20);

    private static final Period EIGHT_YEARS = Period.ofYears(8);

    private final String label;
    private final int heartRateLimit;
    private final int respiratoryRateLimit;

    AgeBand(String label, int heartRateLimit, int respiratoryRateLimit) {
        this.label = label;
        this.heartRateLimit = heartRateLimit;
        this.respiratoryRateLimit = respiratoryRateLimit;
    }

    /** Human-readable label as in the handbook, e.g. "3 - 8 years". */
    public String label() {
        return label;
    }

    /** Heart rate (/min) above which the vital is in the danger zone for this band. */
    public int heartRateLimit() {
        return heartRateLimit;
    }

    /** Respiratory rate (/min) above which the vital is in the danger zone for this band. */
    public int respiratoryRateLimit() {
        return respiratoryRateLimit;
    }

    /** Whether {@code heartRate} is in the danger zone, i.e. strictly above {@link #heartRateLimit()}. */
    public boolean isHeartRateInDangerZone(int heartRate) {
        return heartRate > heartRateLimit;
    }

    /** Whether {@code respiratoryRate} is in the danger zone, i.e. strictly above {@link #respiratoryRateLimit()}. */
    public boolean isRespiratoryRateInDangerZone(int respiratoryRate) {
        return respiratoryRate > respiratoryRateLimit;
    }

    /**
     * The band of a patient of the given age; see the class comment for the boundary days.
     *
     * @throws IllegalArgumentException if {@code age} is null
     */
    public static AgeBand of(PatientAge age) {
        if (age == null) {
            throw new IllegalArgumentException("age is required");
        }
        Period period = age.period(); // normalised: months 0-11, days shorter than a month
        if (period.toTotalMonths() < 3) {
            return UNDER_3_MONTHS;
        }
        if (period.getYears() < 3) {
            return THREE_MONTHS_TO_3_YEARS;
        }
        // "> 8 y" is strict, so the 8th birthday itself still belongs to "3 - 8 y".
        if (period.getYears() < 8 || period.equals(EIGHT_YEARS)) {
            return THREE_TO_8_YEARS;
        }
        return OVER_8_YEARS;
    }
}
