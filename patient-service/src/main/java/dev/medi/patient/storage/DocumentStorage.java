package dev.medi.patient.storage;

import java.io.IOException;

/**
 * Where the bytes of patient documents are kept, addressed by their SHA-256 (lower-case hex): content-addressed,
 * so the same file is stored once however often it is filed, and a blob never changes once written.
 *
 * <p>Both methods block (disk or network I/O): call them from a worker thread, never the event loop
 * ({@code DocumentService} does).
 */
public interface DocumentStorage {

    /** Short name recorded with every document ({@code local}, {@code gcs}). */
    String name();

    /**
     * Stores {@code content} under {@code sha256} unless a blob with that hash already exists.
     *
     * @return {@code true} if written now, {@code false} if it was already there
     */
    boolean put(String sha256, byte[] content, String contentType) throws IOException;

    /** The blob's bytes. @throws BlobNotFoundException when there is none */
    byte[] get(String sha256) throws IOException;

    /** No blob under that hash (storage lost or not yet written). */
    class BlobNotFoundException extends IOException {
        public BlobNotFoundException(String sha256) {
            super("no blob " + sha256);
        }
    }
}
