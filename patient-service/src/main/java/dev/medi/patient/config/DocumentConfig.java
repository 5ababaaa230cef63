package dev.medi.patient.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Patient documents: size limit and where the bytes are kept. */
@ConfigMapping(prefix = "medi.patient.documents")
public interface DocumentConfig {

    /** Largest file accepted; larger uploads are answered 413. Keep {@code medi.http.max-body-size} above it. */
    @WithDefault("10M")
    MemorySize maxSize();

    /** {@code local} (a directory, the default) or {@code gcs} (a Google Cloud Storage bucket, production). */
    @WithDefault("local")
    String storage();

    Local local();

    Gcs gcs();

    interface Local {
        /** Directory of the blobs; created when missing. */
        @WithDefault("${java.io.tmpdir}/medi-os/patient-documents")
        Path directory();
    }

    interface Gcs {
        /** The bucket (required with {@code storage=gcs}). */
        Optional<String> bucket();

        /** Prefix of the object names, e.g. {@code documents/}. */
        @WithDefault("documents/")
        String objectPrefix();

        /** Google Cloud project; unset: from the environment (workload identity). */
        Optional<String> projectId();

        /**
         * Another endpoint than Google's, e.g. a storage emulator for local runs and tests ({@code http://127.0.0.1:4443});
         * with it no credentials are sent.
         */
        Optional<String> host();

        /** Total time one storage call may take, retries included. */
        @WithDefault("30s")
        Duration timeout();
    }
}
