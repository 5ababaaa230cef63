package dev.medi.triage;

/**
 * Emergency Severity Index (ESI v4) acuity level; {@link #ONE} is the most urgent, {@link #FIVE} the least.
 *
 * <ul>
 *   <li>ESI 1 – decision point A: requires an immediate life-saving intervention.</li>
 *   <li>ESI 2 – decision point B (high risk, new confusion/lethargy/disorientation, severe pain or distress),
 *       or up-triaged from 3 at decision point D (danger-zone vitals).</li>
 *   <li>ESI 3 – decision point C: two or more resources, vitals outside the danger zone.</li>
 *   <li>ESI 4 – decision point C: one resource.</li>
 *   <li>ESI 5 – decision point C: no resources.</li>
 * </ul>
 */
public enum EsiLevel {
    ONE(1),
    TWO(2),
    THREE(3),
    FOUR(4),
    FIVE(5);

    private final int value;

    EsiLevel(int value) {
        this.value = value;
    }

    /** The numeric level, 1 (most urgent) to 5 (least urgent). */
    public int value() {
        return value;
    }

    /**
     * The level with the given number.
     *
     * @throws IllegalArgumentException if {@code value} is not between 1 and 5
     */
    public static EsiLevel of(int value) {
        for (EsiLevel level : values()) {
            if (level.value == value) {
                return level;
            }
        }
        throw new IllegalArgumentException("ESI level must be between 1 and 5");
    }
}
