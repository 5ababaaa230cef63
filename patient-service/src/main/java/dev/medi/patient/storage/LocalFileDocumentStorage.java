package dev.medi.patient.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Blobs as files under a directory: {@code <dir>/ab/cd/abcd…} (two levels of fan-out keep directories small).
 * A blob is written to a temporary file in the same directory, forced to disk and then moved into place
 * atomically, so a reader never sees half a file and a crash leaves at most a stray temporary file. Two uploads
 * of the same bytes at once both end with the same complete file.
 */
public class LocalFileDocumentStorage implements DocumentStorage {

    private final Path root;

    public LocalFileDocumentStorage(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    @Override
    public String name() {
        return "local";
    }

    Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public boolean put(String sha256, byte[] content, String contentType) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return false;
        }
        Path directory = Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(directory, ".upload-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false; // written meanwhile by a concurrent upload of the same bytes
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public byte[] get(String sha256) throws IOException {
        try {
            return Files.readAllBytes(pathOf(sha256));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(sha256);
        }
    }
}
