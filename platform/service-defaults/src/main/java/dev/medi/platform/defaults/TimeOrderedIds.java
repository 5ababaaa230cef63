package dev.medi.platform.defaults;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.util.UUID;

/**
 * UUID version 7 ids (RFC 9562): Unix milliseconds first, so ids created later sort later and B-tree
 * inserts stay at the right edge of the index.
 */
public final class TimeOrderedIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    public static UUID next() {
        return GENERATOR.generate();
    }

    private TimeOrderedIds() {
    }
}
