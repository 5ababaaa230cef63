package dev.medi.patient.record;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Medical record numbers: ten digits, an 8-digit sequence number followed by two check digits computed with
 * ISO 7064 MOD 97-10 (the scheme of IBAN). The check digits catch every single mistyped digit and every swap
 * of two adjacent digits, the two most common errors when a number is read from a wristband or a letter
 * (the Luhn digit misses the swap 09 ↔ 90). A number is valid when, read as an integer, it leaves the
 * remainder 1 when divided by 97.
 *
 * <p>Written and read without separators; input may contain spaces or hyphens ({@code 1000 0000 64}).
 */
public final class MedicalRecordNumber {

    /** Smallest and largest sequence numbers: always eight digits. */
    public static final long FIRST_SEQUENCE = 10_000_000L;
    public static final long LAST_SEQUENCE = 99_999_999L;

    private static final Pattern TEN_DIGITS = Pattern.compile("[0-9]{10}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private MedicalRecordNumber() {
    }

    /** The MRN of sequence number {@code sequence} (eight digits). */
    public static String fromSequence(long sequence) {
        if (sequence < FIRST_SEQUENCE || sequence > LAST_SEQUENCE) {
            throw new IllegalArgumentException("MRN sequence out of range");
        }
        long check = 98 - (sequence * 100) % 97;
        return sequence + String.format("%02d", check);
    }

    /** True if {@code mrn} is ten digits whose check digits match. */
    public static boolean isValid(String mrn) {
        if (mrn == null || !TEN_DIGITS.matcher(mrn).matches()) {
            return false;
        }
        return Long.parseLong(mrn) % 97 == 1;
    }

    /** {@code input} without separators, if that is a valid MRN. */
    public static Optional<String> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(input.strip()).replaceAll("");
        return isValid(compact) ? Optional.of(compact) : Optional.empty();
    }
}
