package dev.medi.patient.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Business settings of patient-service. */
@ConfigMapping(prefix = "medi.patient")
public interface PatientConfig {

    Phone phone();

    Duplicates duplicates();

    Search search();

    BreakGlass breakGlass();

    interface Phone {
        /** Calling code (without +) given to numbers written nationally with a leading 0; empty for none. */
        @WithDefault("49")
        String defaultCountryCode();
    }

    interface Duplicates {
        /**
         * Two records with the same birth date are likely duplicates from this trigram similarity of their
         * normalised full names on (0–1; "Jon Smith" / "John Smith" ≈ 0.6, unrelated names < 0.2).
         */
        @WithDefault("0.45")
        double nameSimilarity();

        /** At most this many candidates are shown. */
        @WithDefault("10")
        int maxCandidates();
    }

    interface Search {
        @WithDefault("20")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();

        /** A query word matches a name word of at least this trigram similarity (typos). */
        @WithDefault("0.4")
        double wordSimilarity();

        /** Each query word is expanded to at most this many name words (prefixes, typos) before ranking. */
        @WithDefault("50")
        int maxWordsPerToken();

        /** Query words beyond this many are ignored. */
        @WithDefault("5")
        int maxTokens();
    }

    interface BreakGlass {
        /** How long a break-glass grant lasts. */
        @WithDefault("60m")
        Duration duration();
    }
}
