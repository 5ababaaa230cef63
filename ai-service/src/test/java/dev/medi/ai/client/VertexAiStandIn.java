package dev.medi.ai.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in of the Vertex AI REST API ({@code POST /v1/projects/{p}/locations/{l}/publishers/google/models/
 * {m}:generateContent}): records every request and plays scripted answers in order, then the default answer.
 * A {@link #hang()} answer holds the request open until the stand-in is reset or stopped (a timeout without sleeping).
 */
public final class VertexAiStandIn implements AutoCloseable {

    public record Recorded(String method, String path, String query, String authorization, String body) {
    }

    public record Answer(int status, String body, boolean hang) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile Answer fallbackAnswer = ok("{}", 0, 0);
    private volatile CountDownLatch release = new CountDownLatch(1);

    public VertexAiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers for the next requests, in order. */
    public VertexAiStandIn then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** The answer once the script is played. */
    public VertexAiStandIn otherwise(Answer answer) {
        fallbackAnswer = answer;
        return this;
    }

    public List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    public void reset() {
        CountDownLatch previous = release;
        release = new CountDownLatch(1);
        previous.countDown();
        script.clear();
        requests.clear();
        fallbackAnswer = ok("{}", 0, 0);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Answer answer = script.poll();
        if (answer == null) {
            answer = fallbackAnswer;
        }
        if (answer.hang()) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- scripted answers, shaped like Vertex AI's

    /** A candidate whose text is {@code modelText} (what the model wrote: JSON for our prompts). */
    public static Answer ok(String modelText, int promptTokens, int outputTokens) {
        return new Answer(200, """
                {"candidates":[{"content":{"role":"model","parts":[{"text":%s}]},"finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":%d,"candidatesTokenCount":%d,"totalTokenCount":%d},
                 "modelVersion":"gemini-2.5-flash"}""".formatted(quote(modelText), promptTokens, outputTokens,
                promptTokens + outputTokens), false);
    }

    public static Answer safetyBlock() {
        return new Answer(200, """
                {"candidates":[{"finishReason":"SAFETY","safetyRatings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT",
                 "probability":"HIGH","blocked":true}]}],"usageMetadata":{"promptTokenCount":12,"totalTokenCount":12}}""", false);
    }

    public static Answer promptBlocked() {
        return new Answer(200, """
                {"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":12,"totalTokenCount":12}}""", false);
    }

    public static Answer error(int status, String grpcStatus) {
        return new Answer(status, """
                {"error":{"code":%d,"message":"scripted %s","status":"%s"}}""".formatted(status, grpcStatus, grpcStatus), false);
    }

    public static Answer hang() {
        return new Answer(0, "", true);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
