package dev.medi.patient.record;

/**
 * Phone numbers as compared for duplicate checks and search: E.164-like, a {@code +} and digits. What was
 * typed is kept for display; only this form is compared. Numbers written nationally (leading 0) get the
 * clinic's country calling code; without one configured they are compared as plain digits.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * {@code "+49 (0)171 123-4567"} stays a German number; {@code "0049 171 1234567"} and, with country code
     * 49, {@code "0171 1234567"} become {@code "+491711234567"}.
     *
     * @param raw                as typed; {@code null} gives {@code null}
     * @param defaultCountryCode calling code without {@code +}, e.g. {@code 49}; empty for none
     * @return the comparable form, or {@code null} if {@code raw} holds no digits
     */
    public static String normalise(String raw, String defaultCountryCode) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        // "+49 (0)171 ..." : the national trunk zero in brackets is not dialled after the country code
        String withoutTrunk = trimmed.replace("(0)", "");
        String digits = withoutTrunk.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (withoutTrunk.startsWith("+")) {
            return "+" + digits;
        }
        if (digits.startsWith("00")) {
            return "+" + digits.substring(2);
        }
        if (digits.startsWith("0") && defaultCountryCode != null && !defaultCountryCode.isBlank()) {
            return "+" + defaultCountryCode.strip() + digits.substring(1);
        }
        return digits;
    }
}
