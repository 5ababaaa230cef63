package dev.medi.queue;

import java.time.Duration;
import java.util.List;

/**
 * Longest acceptable wait from arrival to being called, per ESI level (index 0 = ESI 1). Defaults follow
 * common emergency-department targets: ESI 1 immediately, 2 within 10 minutes, 3 within 30, 4 within
 * 60, 5 within 120. Targets never shrink as the level number grows.
 */
public record SlaTargets(List<Duration> perLevel) {

    public static final SlaTargets DEFAULT = new SlaTargets(List.of(Duration.ZERO, Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(120)));

    public SlaTargets {
        if (perLevel == null || perLevel.size() != 5) {
            throw new IllegalArgumentException("one target per ESI level (5) is required");
        }
        for (int i = 0; i < 5; i++) {
            if (perLevel.get(i).isNegative() || (i > 0 && perLevel.get(i).compareTo(perLevel.get(i - 1)) < 0)) {
                throw new IllegalArgumentException("targets must be zero or more and must not shrink from ESI 1 to ESI 5");
            }
        }
        perLevel = List.copyOf(perLevel);
    }

    public Duration forLevel(int esiLevel) {
        return perLevel.get(esiLevel - 1);
    }
}
