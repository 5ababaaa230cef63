package dev.medi.patient.storage;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;

import java.io.IOException;

/**
 * Blobs as objects in a Google Cloud Storage bucket, named {@code <prefix><sha256>}, through the Cloud Storage
 * Java client (JSON API over HTTP). An object is created with the precondition "does not exist yet"
 * ({@code ifGenerationMatch=0}): the upload is atomic on the server side, and a second upload of the same bytes
 * is answered 412 by the service, which here means "already stored". Objects carry their content type and the
 * hash as metadata; the bucket should have object versioning or a retention policy, never lifecycle deletion.
 */
public class GcsDocumentStorage implements DocumentStorage {

    private final Storage storage;
    private final String bucket;
    private final String prefix;

    public GcsDocumentStorage(Storage storage, String bucket, String prefix) {
        this.storage = storage;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
    }

    @Override
    public String name() {
        return "gcs";
    }

    BlobId idOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        return BlobId.of(bucket, prefix + sha256);
    }

    @Override
    public boolean put(String sha256, byte[] content, String contentType) throws IOException {
        BlobInfo info = BlobInfo.newBuilder(idOf(sha256))
                .setContentType(contentType)
                .setMetadata(java.util.Map.of("sha256", sha256))
                .build();
        try {
            storage.create(info, content, Storage.BlobTargetOption.doesNotExist());
            return true;
        } catch (StorageException e) {
            if (e.getCode() == 412) {
                return false; // an object with these bytes exists already
            }
            throw new IOException("Cloud Storage upload failed with status " + e.getCode(), e);
        }
    }

    @Override
    public byte[] get(String sha256) throws IOException {
        try {
            return storage.readAllBytes(idOf(sha256));
        } catch (StorageException e) {
            if (e.getCode() == 404) {
                throw new BlobNotFoundException(sha256);
            }
            throw new IOException("Cloud Storage download failed with status " + e.getCode(), e);
        }
    }
}
