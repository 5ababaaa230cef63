package dev.medi.platform.defaults.input;

/**
 * Text that PostgreSQL can store: it refuses the NUL character in {@code text} ("invalid byte sequence for
 * encoding UTF8: 0x00") and a lone UTF-16 surrogate has no UTF-8 form at all. Both are refused at the edge of
 * every service with a 400, instead of a 500 from the database.
 */
public final class StorableText {

    /** The index of the first character PostgreSQL cannot store, or -1. */
    public static int firstUnstorable(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isStorable(CharSequence text) {
        return text == null || firstUnstorable(text) < 0;
    }

    private StorableText() {
    }
}
