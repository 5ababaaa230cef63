package dev.medi.patient.storage;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.medi.patient.config.DocumentConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The {@link DocumentStorage} chosen by {@code medi.patient.documents.storage}: {@code local} or {@code gcs}. */
@ApplicationScoped
public class DocumentStorageProducer {

    @Produces
    @ApplicationScoped
    DocumentStorage documentStorage(DocumentConfig config) {
        return create(config);
    }

    /** Builds the configured storage; fails at startup on a bad setting rather than at the first upload. */
    public static DocumentStorage create(DocumentConfig config) {
        String kind = config.storage().strip().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "local" -> {
                try {
                    Log.infof("documents stored in a local directory");
                    return new LocalFileDocumentStorage(config.local().directory());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the document directory", e);
                }
            }
            case "gcs" -> {
                String bucket = config.gcs().bucket().filter(b -> !b.isBlank()).orElseThrow(() ->
                        new IllegalStateException("medi.patient.documents.gcs.bucket is required with storage=gcs"));
                Log.infof("documents stored in Cloud Storage bucket %s", bucket);
                return new GcsDocumentStorage(gcsClient(config.gcs()), bucket, config.gcs().objectPrefix());
            }
            default -> throw new IllegalStateException("medi.patient.documents.storage must be local or gcs");
        }
    }

    static Storage gcsClient(DocumentConfig.Gcs gcs) {
        StorageOptions.Builder options = StorageOptions.http()
                .setRetrySettings(RetrySettings.newBuilder()
                        .setTotalTimeoutDuration(gcs.timeout())
                        .setMaxAttempts(4)
                        .setInitialRetryDelayDuration(java.time.Duration.ofMillis(200))
                        .setMaxRetryDelayDuration(java.time.Duration.ofSeconds(5))
                        .setRetryDelayMultiplier(2.0)
                        .build());
        gcs.projectId().ifPresent(options::setProjectId);
        gcs.host().ifPresent(host -> options.setHost(host).setCredentials(NoCredentials.getInstance())
                .setProjectId(gcs.projectId().orElse("medi-local")));
        return options.build().getService();
    }
}
