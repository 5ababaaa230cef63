package dev.medi.ai.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The {@code gemini} engine: Vertex AI Gemini through LangChain4j. Used only when {@code medi.ai.engine=gemini};
 * nothing here is read, and no Google client is created, while the offline engine is configured.
 *
 * <p>Credentials are Application Default Credentials: on GKE the pod's Workload Identity (a Google service account
 * with {@code roles/aiplatform.user}), elsewhere {@code GOOGLE_APPLICATION_CREDENTIALS} pointing at a service account
 * key. Values such as the project may come from Secret Manager through {@code platform/secrets}
 * ({@code medi.secrets.gcp.keys=medi.ai.gemini.project}); the repository holds no secret.
 */
@ConfigMapping(prefix = "medi.ai.gemini")
public interface GeminiConfig {

    /** Google Cloud project (id) that is billed for the calls; required when the gemini engine is chosen. */
    Optional<String> project();

    /** Vertex AI region: the data is processed there (choose one in the clinic's jurisdiction). */
    @WithDefault("europe-west1")
    String location();

    /** Gemini model id, recorded with every output. */
    @WithDefault("gemini-2.5-flash")
    String model();

    /**
     * Where the Vertex AI API is reached. Unset: {@code https://<location>-aiplatform.googleapis.com}. A value with a
     * scheme ({@code http://127.0.0.1:8089}) is used as is: a local stand-in in tests.
     */
    Optional<String> endpoint();

    /** {@code application-default} (production) or {@code none} (a local stand-in only: no token is sent). */
    @WithDefault("application-default")
    Credentials credentials();

    /** Deadline of one HTTP call to Vertex AI (the socket is closed after it); retries come on top. */
    @WithDefault("20s")
    Duration timeout();

    /** Upper bound on the tokens of one answer. */
    @WithDefault("4096")
    int maxOutputTokens();

    /** Sampling temperature: 0 for the most repeatable clinical drafts. */
    @WithDefault("0")
    float temperature();

    enum Credentials {
        APPLICATION_DEFAULT, NONE
    }
}
