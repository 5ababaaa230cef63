package dev.medi.patient.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Clinical notes: signing and the PDF. */
@ConfigMapping(prefix = "medi.patient.notes")
public interface NoteConfig {

    /**
     * How recently a doctor must have signed in (password) to sign a note or an addendum; older tokens are
     * answered 401 {@code reauthentication-required}.
     */
    @WithDefault("5m")
    Duration signingMaxAuthAge();

    /** Most drafts listed by {@code GET /api/v1/notes?awaiting-signature=me}. */
    @WithDefault("100")
    int awaitingLimit();

    Pdf pdf();

    interface Pdf {
        /** The clinic's name in the PDF header. */
        @WithDefault("Medi OS Clinic")
        String clinicName();
    }
}
