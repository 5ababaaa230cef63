package dev.medi.patient.document;

import dev.medi.patient.coded.Coded;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a patient document may be: PDF, PNG and JPEG. A declared type is only believed when the
 * first bytes of the file say the same (the file's signature, "magic bytes"): a renamed executable or an HTML
 * page sent as {@code application/pdf} is refused, so nothing a browser would run is ever served back.
 */
public enum DocumentContentType implements Coded {

    PDF("application/pdf", "pdf", new byte[]{'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", "png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", "jpg", new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    private final String mediaType;
    private final String extension;
    private final byte[] signature;

    DocumentContentType(String mediaType, String extension, byte[] signature) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The code is the media type. */
    @Override
    public String code() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** {@code application/pdf; charset=...} → PDF; {@code image/jpg} and {@code image/pjpeg} count as JPEG; else empty. */
    public static Optional<DocumentContentType> ofMediaType(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String base = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (base.equals("image/jpg") || base.equals("image/pjpeg")) {
            return Optional.of(JPEG);
        }
        for (DocumentContentType type : values()) {
            if (type.mediaType.equals(base)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code content} starts with this type's signature. */
    public boolean matches(byte[] content) {
        if (content == null || content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (content[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** The type {@code content}'s signature shows, if any of the allowed ones. */
    public static Optional<DocumentContentType> sniff(byte[] content) {
        for (DocumentContentType type : values()) {
            if (type.matches(content)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
