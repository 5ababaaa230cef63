package dev.medi.ai.client;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.medi.ai.config.GeminiConfig;
import dev.medi.ai.engine.EngineFailure;
import dev.medi.ai.engine.EngineFailure.Reason;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The one place that calls Vertex AI Gemini, through LangChain4j's {@code VertexAiGeminiChatModel}. Around the call:
 * a timeout, retries with exponential backoff on transient failures (429, 5xx, unreachable, deadline) and a circuit
 * breaker named {@value #BREAKER} that stops calling a failing Gemini for a while. Malformed answers and safety blocks
 * are not retried and do not open the breaker. Values can be tuned with
 * {@code quarkus.fault-tolerance."dev.medi.ai.client.GeminiClient/generate".*} (see application.properties).
 *
 * <p>Prompts and answers are never logged here, nor by LangChain4j (request/response logging stays off).
 */
@ApplicationScoped
public class GeminiClient {

    public static final String BREAKER = "gemini";

    private final GeminiConfig config;
    private volatile GeminiModelFactory.Model model;

    GeminiClient(GeminiConfig config) {
        this.config = config;
    }

    /** Plain construction (tests, tools): no CDI, hence no fault tolerance around {@link #generate}. */
    public static GeminiClient unguarded(GeminiConfig config) {
        return new GeminiClient(config);
    }

    public String model() {
        return config.model();
    }

    /**
     * Sends one structured request.
     *
     * @throws EngineFailure with the reason; a {@link dev.medi.ai.engine.TransientEngineFailure} for what is retried
     */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 200, maxDuration = 60,
            durationUnit = ChronoUnit.SECONDS,
            retryOn = {dev.medi.ai.engine.TransientEngineFailure.class, org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1,
            failOn = {dev.medi.ai.engine.TransientEngineFailure.class, org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class})
    @CircuitBreakerName(BREAKER)
    public GeminiAnswer generate(GeminiPrompt prompt) {
        ChatRequest request = ChatRequest.builder()
                .messages(List.of(SystemMessage.from(prompt.systemInstruction()), UserMessage.from(prompt.input())))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(prompt.schema()).build())
                .build();
        ChatResponse response;
        try {
            response = chatModel().chatModel().chat(request);
        } catch (EngineFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw classify(e);
        }
        if (response.finishReason() == FinishReason.CONTENT_FILTER) {
            throw EngineFailure.of(Reason.SAFETY_BLOCK, "the answer was filtered", null);
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw EngineFailure.of(Reason.MALFORMED_OUTPUT, "empty answer (finish reason "
                    + response.finishReason() + ")", null);
        }
        TokenUsage usage = response.tokenUsage();
        return new GeminiAnswer(text, config.model(),
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
    }

    /**
     * Maps what the Vertex client and LangChain4j throw to a reason. gax raises an {@link ApiException} with the
     * HTTP status as a gRPC-style code (LangChain4j may wrap it); the Vertex SDK's {@code ResponseHandler} raises an
     * {@link IllegalArgumentException} when the answer was blocked for safety or has no candidate.
     */
    static EngineFailure classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return EngineFailure.of(reasonFor(api.getStatusCode().getCode()),
                        "Vertex AI answered " + api.getStatusCode().getCode(), error);
            }
            if (t instanceof SocketTimeoutException) {
                return EngineFailure.of(Reason.TIMEOUT, "no answer within the deadline", error);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return EngineFailure.of(Reason.UNAVAILABLE, "Vertex AI endpoint unreachable", error);
            }
            if (t instanceof IllegalArgumentException && fromResponseHandler(t)) {
                return EngineFailure.of(Reason.SAFETY_BLOCK, "the model returned no usable candidate", error);
            }
        }
        return EngineFailure.of(Reason.UNAVAILABLE, "Vertex AI call failed (" + error.getClass().getSimpleName() + ")", error);
    }

    static Reason reasonFor(StatusCode.Code code) {
        return switch (code) {
            case RESOURCE_EXHAUSTED -> Reason.RATE_LIMITED;
            case DEADLINE_EXCEEDED -> Reason.TIMEOUT;
            case UNAVAILABLE, ABORTED -> Reason.UNAVAILABLE;
            case INTERNAL, UNKNOWN, DATA_LOSS -> Reason.SERVER_ERROR;
            default -> Reason.REJECTED;
        };
    }

    private static boolean fromResponseHandler(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().equals("com.google.cloud.vertexai.generativeai.ResponseHandler");
    }

    private GeminiModelFactory.Model chatModel() {
        GeminiModelFactory.Model current = model;
        if (current == null) {
            synchronized (this) {
                current = model;
                if (current == null) {
                    current = GeminiModelFactory.create(config);
                    model = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        GeminiModelFactory.Model current = model;
        if (current != null) {
            current.close();
        }
    }
}
