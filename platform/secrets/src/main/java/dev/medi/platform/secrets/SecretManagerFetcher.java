package dev.medi.platform.secrets;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.zip.CRC32C;

import org.jboss.logging.Logger;

import com.google.api.core.ApiFuture;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.secretmanager.v1.AccessSecretVersionRequest;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.SecretPayload;

/** Reads every mapped secret version once, through the Secret Manager client's HTTP/JSON transport. */
final class SecretManagerFetcher {

    private static final Logger LOG = Logger.getLogger(SecretManagerFetcher.class);

    private final SecretsSettings settings;

    SecretManagerFetcher(SecretsSettings settings) {
        this.settings = settings;
    }

    /**
     * Fetches all mapped secrets.
     *
     * @return config property name to secret value, in the order of {@code medi.secrets.gcp.keys}
     * @throws IllegalStateException naming the first secret that could not be read (never a value)
     */
    Map<String, String> fetchAll() {
        try (SecretManagerServiceClient client = SecretManagerServiceClient.create(clientSettings())) {
            // Start every call before waiting on any, so startup waits about one timeout, not one per secret.
            List<ApiFuture<AccessSecretVersionResponse>> calls = new ArrayList<>();
            for (SecretMapping mapping : settings.mappings()) {
                calls.add(client.accessSecretVersionCallable().futureCall(AccessSecretVersionRequest.newBuilder()
                        .setName(mapping.resourceName(settings.projectId()))
                        .build()));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < calls.size(); i++) {
                SecretMapping mapping = settings.mappings().get(i);
                values.put(mapping.property(), valueOf(mapping, await(mapping, calls.get(i))));
                LOG.debugf("Read secret %s version %s for %s", mapping.secretId(), mapping.version(), mapping.property());
            }
            LOG.infof("Read %d secret(s) from Google Cloud Secret Manager project %s",
                    values.size(), settings.projectId());
            return values;
        } catch (IOException e) {
            throw new IllegalStateException("Could not create the Google Cloud Secret Manager client for project '"
                    + settings.projectId() + "': " + e.getMessage(), e);
        }
    }

    private SecretManagerServiceSettings clientSettings() throws IOException {
        SecretManagerServiceSettings.Builder builder = SecretManagerServiceSettings.newHttpJsonBuilder();
        settings.endpoint().ifPresent(hostPort -> {
            // A local stand-in: plain HTTP (gax keeps an explicit scheme) and no Google credentials to look up.
            builder.setEndpoint("http://" + hostPort);
            builder.setCredentialsProvider(NoCredentialsProvider.create());
        });
        // Without an override the builder's defaults apply: the Google endpoint over TLS with Application
        // Default Credentials (Workload Identity on GKE).
        builder.accessSecretVersionSettings()
                .setRetryableCodes(StatusCode.Code.UNAVAILABLE, StatusCode.Code.RESOURCE_EXHAUSTED)
                .setRetrySettings(retrySettings(settings.timeout()));
        return builder.build();
    }

    /** One budget for all attempts of a call, so a dead or slow endpoint fails startup after {@code timeout}. */
    static RetrySettings retrySettings(Duration timeout) {
        return RetrySettings.newBuilder()
                .setTotalTimeoutDuration(timeout)
                .setInitialRpcTimeoutDuration(timeout)
                .setMaxRpcTimeoutDuration(timeout)
                .setRpcTimeoutMultiplier(1.0)
                .setInitialRetryDelayDuration(Duration.ofMillis(100))
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(Duration.ofSeconds(1))
                .setMaxAttempts(3)
                .build();
    }

    private AccessSecretVersionResponse await(SecretMapping mapping, ApiFuture<AccessSecretVersionResponse> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof ApiException api
                    ? api.getStatusCode().getCode().name()
                    : cause.getClass().getSimpleName();
            throw failure(mapping, reason, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(mapping, "interrupted", e);
        }
    }

    private String valueOf(SecretMapping mapping, AccessSecretVersionResponse response) {
        SecretPayload payload = response.getPayload();
        // The client does not check the checksum itself; Google recommends verifying it on access.
        if (payload.hasDataCrc32C()) {
            CRC32C crc = new CRC32C();
            crc.update(payload.getData().asReadOnlyByteBuffer());
            if (crc.getValue() != payload.getDataCrc32C()) {
                throw failure(mapping, "payload CRC32C mismatch (corrupted in transit)", null);
            }
        }
        return payload.getData().toStringUtf8();
    }

    private IllegalStateException failure(SecretMapping mapping, String reason, Throwable cause) {
        // Name what was asked for, never what came back: error responses and causes carry no secret data.
        return new IllegalStateException("Could not read secret '" + mapping.secretId() + "' version '"
                + mapping.version() + "' of Google Cloud project '" + settings.projectId()
                + "' for config property '" + mapping.property() + "' (" + SecretsSettings.KEYS + "): " + reason,
                cause);
    }
}
