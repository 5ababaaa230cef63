package dev.medi.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * Queue order rules, in plain Java. Entries are ordered by {@link #priority} (1 first), then by arrival.
 * <ul>
 *   <li>The base priority is the ESI level; an entry not yet triaged counts as {@code untriagedLevel}
 *       (ESI 3 by default: unknown is not assumed to be minor).</li>
 *   <li>Aging: an entry waiting past its level's target moves up one priority step at the breach and one more
 *       per {@code agingStep} after it, by at most {@code maxPromotion} steps, never above 1. Long waiters
 *       with minor complaints are not starved by a steady flow of more urgent ones.</li>
 *   <li>An admin override replaces the computed priority (with a reason, audited).</li>
 * </ul>
 */
public record QueuePriority(int untriagedLevel, Duration agingStep, int maxPromotion) {

    /** SLA state of a waiting entry. */
    public enum SlaState { OK, DUE_SOON, BREACHED }

    public QueuePriority {
        if (untriagedLevel < 1 || untriagedLevel > 5 || maxPromotion < 0 || agingStep.isNegative() || agingStep.isZero()) {
            throw new IllegalArgumentException("untriaged level 1–5, a positive aging step and a promotion of 0 or more");
        }
    }

    /** The level that decides the target and the base priority. */
    public int effectiveLevel(Integer esiLevel) {
        return esiLevel == null ? untriagedLevel : esiLevel;
    }

    public Instant slaDueAt(Instant arrivedAt, Integer esiLevel, SlaTargets targets) {
        return arrivedAt.plus(targets.forLevel(effectiveLevel(esiLevel)));
    }

    public int priority(Integer esiLevel, Integer override, Instant slaDueAt, Instant now) {
        if (override != null) {
            return override;
        }
        int base = effectiveLevel(esiLevel);
        if (!now.isAfter(slaDueAt) || maxPromotion == 0) {
            return base;
        }
        long stepsPast = Duration.between(slaDueAt, now).toMillis() / agingStep.toMillis();
        long promotion = Math.min(maxPromotion, 1 + stepsPast);
        return (int) Math.max(1, base - promotion);
    }

    /** Breached once past the due time; due soon in the last fifth of the target (at least the last minute). */
    public static SlaState slaState(Instant slaDueAt, Duration target, Instant now) {
        if (now.isAfter(slaDueAt)) {
            return SlaState.BREACHED;
        }
        Duration warning = target.dividedBy(5);
        if (warning.compareTo(Duration.ofMinutes(1)) < 0) {
            warning = Duration.ofMinutes(1);
        }
        return now.isAfter(slaDueAt.minus(warning)) ? SlaState.DUE_SOON : SlaState.OK;
    }
}
