package dev.medi.patient.storage;

import dev.medi.patient.config.DocumentConfig;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** medi.patient.documents.storage selects the storage; a wrong setting stops the start. */
class DocumentStorageProducerTest {

    @TempDir
    Path directory;

    private DocumentConfig config(String storage, String bucket) {
        return new DocumentConfig() {
            public MemorySize maxSize() {
                return new MemorySize(BigInteger.valueOf(1024));
            }

            public String storage() {
                return storage;
            }

            public Local local() {
                return () -> directory;
            }

            public Gcs gcs() {
                return new Gcs() {
                    public Optional<String> bucket() {
                        return Optional.ofNullable(bucket);
                    }

                    public String objectPrefix() {
                        return "documents/";
                    }

                    public Optional<String> projectId() {
                        return Optional.of("medi-test");
                    }

                    public Optional<String> host() {
                        return Optional.of("http://127.0.0.1:9");
                    }

                    public Duration timeout() {
                        return Duration.ofSeconds(1);
                    }
                };
            }
        };
    }

    @Test
    void localIsTheDefaultKindAndGcsNeedsABucket() {
        assertEquals("local", assertInstanceOf(LocalFileDocumentStorage.class,
                DocumentStorageProducer.create(config("local", null))).name());
        assertEquals("gcs", assertInstanceOf(GcsDocumentStorage.class,
                DocumentStorageProducer.create(config(" GCS ", "medi-documents"))).name());
        assertThrows(IllegalStateException.class, () -> DocumentStorageProducer.create(config("gcs", null)));
        assertThrows(IllegalStateException.class, () -> DocumentStorageProducer.create(config("s3", "x")));
    }
}
