package dev.medi.ai.client;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.vertexai.Transport;
import com.google.cloud.vertexai.VertexAI;
import com.google.cloud.vertexai.api.GenerationConfig;
import com.google.cloud.vertexai.api.PredictionServiceClient;
import com.google.cloud.vertexai.api.PredictionServiceSettings;
import com.google.cloud.vertexai.generativeai.GenerativeModel;
import dev.langchain4j.model.vertexai.gemini.VertexAiGeminiChatModel;
import dev.medi.ai.config.GeminiConfig;
import dev.medi.ai.engine.EngineFailure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * Builds LangChain4j's {@link VertexAiGeminiChatModel} on a {@link VertexAI} this service configures itself.
 *
 * <p>Why not the model's builder: its {@code apiEndpoint(host)} becomes {@code host:443} over gRPC with TLS, so it
 * cannot reach a plain-HTTP stand-in, and it offers no call deadline. Here the Vertex client uses the REST (HTTP/JSON)
 * transport through a {@link PredictionServiceClient} built from {@link PredictionServiceSettings}: the endpoint may
 * carry a scheme and port ({@code http://127.0.0.1:8089}), the credentials are Application Default Credentials or
 * none (stand-in), and {@code generateContent} gets one attempt with the configured deadline (retries belong to
 * {@link GeminiClient}'s fault tolerance, not to gax nor to LangChain4j, whose own retries are set to 0).
 */
public final class GeminiModelFactory {

    static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    private GeminiModelFactory() {
    }

    /** The model and the Vertex client it runs on (closed together). */
    public record Model(VertexAiGeminiChatModel chatModel, VertexAI vertexAI) implements AutoCloseable {
        @Override
        public void close() {
            // Not vertexAI.close(): it would first create (with default credentials) the LLM utility client this
            // service never uses, only to close it.
            vertexAI.getPredictionServiceClient().close();
        }
    }

    public static Model create(GeminiConfig config) {
        String project = config.project().filter(p -> !p.isBlank()).orElseThrow(() -> new EngineFailure(
                EngineFailure.Reason.NOT_CONFIGURED, "medi.ai.gemini.project is not set"));
        GoogleCredentials credentials = config.credentials() == GeminiConfig.Credentials.NONE ? null
                : applicationDefaultCredentials();
        PredictionServiceSettings settings = predictionSettings(config, credentials);
        VertexAI.Builder vertex = new VertexAI.Builder()
                .setProjectId(project)
                .setLocation(config.location())
                .setTransport(Transport.REST)
                .setApiEndpoint(endpoint(config));
        if (credentials != null) {
            vertex.setCredentials(credentials);
        }
        VertexAI vertexAI = vertex
                .setPredictionClientSupplier(() -> {
                    try {
                        return PredictionServiceClient.create(settings);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
        GenerationConfig generation = GenerationConfig.newBuilder()
                .setTemperature(config.temperature())
                .setMaxOutputTokens(config.maxOutputTokens())
                .setCandidateCount(1)
                .build();
        GenerativeModel generativeModel = new GenerativeModel(config.model(), vertexAI);
        return new Model(new VertexAiGeminiChatModel(generativeModel, generation, 0), vertexAI);
    }

    static PredictionServiceSettings predictionSettings(GeminiConfig config, GoogleCredentials credentials) {
        try {
            PredictionServiceSettings.Builder builder = PredictionServiceSettings.newHttpJsonBuilder();
            builder.setEndpoint(endpoint(config));
            // A stand-in gets no token at all; production gets the service account's (scoped) token.
            builder.setCredentialsProvider(credentials == null ? NoCredentialsProvider.create()
                    : FixedCredentialsProvider.create(credentials));
            builder.generateContentSettings().setRetryableCodes().setRetrySettings(oneAttempt(config.timeout()));
            return builder.build();
        } catch (IOException e) {
            throw new EngineFailure(EngineFailure.Reason.NOT_CONFIGURED, "Vertex AI client settings: " + e.getMessage(), e);
        }
    }

    /** The configured endpoint, or the regional Vertex AI endpoint of the location (HTTPS). */
    static String endpoint(GeminiConfig config) {
        return config.endpoint().filter(e -> !e.isBlank())
                .orElse(config.location() + "-aiplatform.googleapis.com:443");
    }

    /** One attempt with {@code timeout} as its deadline: gax closes the request when it passes. */
    static RetrySettings oneAttempt(Duration timeout) {
        return RetrySettings.newBuilder()
                .setTotalTimeoutDuration(timeout)
                .setInitialRpcTimeoutDuration(timeout)
                .setMaxRpcTimeoutDuration(timeout)
                .setRpcTimeoutMultiplier(1.0)
                .setMaxAttempts(1)
                .build();
    }

    private static GoogleCredentials applicationDefaultCredentials() {
        try {
            return GoogleCredentials.getApplicationDefault().createScoped(List.of(CLOUD_PLATFORM_SCOPE));
        } catch (IOException e) {
            throw new EngineFailure(EngineFailure.Reason.NOT_CONFIGURED,
                    "no Application Default Credentials (Workload Identity or GOOGLE_APPLICATION_CREDENTIALS)", e);
        }
    }
}
