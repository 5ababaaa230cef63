package dev.medi.patient.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalFileDocumentStorageTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path directory;

    @Test
    void aBlobIsWrittenOnceUnderItsHashWithoutLeftovers() throws IOException {
        LocalFileDocumentStorage storage = new LocalFileDocumentStorage(directory.resolve("blobs"));
        byte[] content = "test".getBytes(StandardCharsets.UTF_8);
        assertTrue(storage.put(HASH, content, "application/pdf"));
        assertFalse(storage.put(HASH, content, "application/pdf"), "the same bytes again: already stored");
        assertArrayEquals(content, storage.get(HASH));
        Path file = directory.resolve("blobs/9f/86/" + HASH);
        assertTrue(Files.isRegularFile(file));
        try (Stream<Path> files = Files.walk(directory)) {
            assertEquals(1, files.filter(Files::isRegularFile).count(), "no temporary files left behind");
        }
    }

    @Test
    void aMissingBlobIsReportedAsSuch() throws IOException {
        LocalFileDocumentStorage storage = new LocalFileDocumentStorage(directory);
        assertThrows(DocumentStorage.BlobNotFoundException.class, () -> storage.get(HASH));
    }

    @Test
    void onlyHashesNamePaths() throws IOException {
        LocalFileDocumentStorage storage = new LocalFileDocumentStorage(directory);
        assertThrows(IllegalArgumentException.class, () -> storage.get("../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> storage.put(HASH.toUpperCase(), new byte[1], "image/png"));
    }
}
