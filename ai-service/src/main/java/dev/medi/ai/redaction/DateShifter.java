package dev.medi.ai.redaction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds exact dates in text (ISO "2026-03-04", "04/03/2026" read day first unless that is impossible, "4.3.2026",
 * "4 March 2026", "4th of March 2026", "March 4th, 2026", "Mar 4 2026") and rewrites each in its own format.
 */
final class DateShifter {

    private static final String MONTH = "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
            + "aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern ISO = Pattern.compile("(?<![\\d-])(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?![\\d-])");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d/.-])(?<a>\\d{1,2})(?<sep>[/.-])(?<b>\\d{1,2})\\k<sep>(?<y>\\d{4})(?![\\d/-]|\\.\\d)");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![\\p{L}\\d])(?<d>\\d{1,2})(?<suffix>st|nd|rd|th)?(?<of>\\s+of)?\\s+" + MONTH + "(?<comma>,?)\\s+(?<y>\\d{4})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![\\p{L}])" + MONTH + "\\s+(?<d>\\d{1,2})(?<suffix>st|nd|rd|th)?(?<comma>,?)\\s+(?<y>\\d{4})(?!\\d)",
            Pattern.CASE_INSENSITIVE);

    private static final String TITLE_MONTH = "(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|"
            + "July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final Pattern DAY_MONTH_NO_YEAR = Pattern.compile(
            "(?<![\\p{L}\\d/.-])(?<d>\\d{1,2})(?<suffix>st|nd|rd|th)?(?<of>\\s+of)?\\s+" + TITLE_MONTH + "(?![\\p{L}])");
    private static final Pattern MONTH_DAY_NO_YEAR = Pattern.compile(
            "(?<![\\p{L}])" + TITLE_MONTH + "\\s+(?<d>\\d{1,2})(?<suffix>st|nd|rd|th)?(?![\\p{L}\\d:/.])");
    /** Yearless dates move on a 365-day calendar (February 29 is left alone), so that shifting back is exact. */
    private static final int NO_YEAR = 2001;

    /** A date found in a text: where, what it is, and how to write another date the same way. */
    record Found(int start, int end, LocalDate date, Function<LocalDate, String> format) {
    }

    private DateShifter() {
    }

    static List<Found> find(String text) {
        List<Found> out = new ArrayList<>();
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            boolean padM = m.group("m").length() == 2;
            boolean padD = m.group("d").length() == 2;
            LocalDate d = date(m.group("y"), m.group("m"), m.group("d"));
            if (d != null) {
                out.add(new Found(m.start(), m.end(), d,
                        x -> x.getYear() + "-" + pad(x.getMonthValue(), padM) + "-" + pad(x.getDayOfMonth(), padD)));
            }
        }
        m = NUMERIC.matcher(text);
        while (m.find()) {
            if (overlaps(out, m.start(), m.end())) {
                continue;
            }
            int a = Integer.parseInt(m.group("a"));
            int b = Integer.parseInt(m.group("b"));
            boolean monthFirst = a <= 12 && b > 12; // day first unless impossible
            String dayText = monthFirst ? m.group("b") : m.group("a");
            String monthText = monthFirst ? m.group("a") : m.group("b");
            LocalDate d = date(m.group("y"), monthText, dayText);
            if (d == null) {
                continue;
            }
            String sep = m.group("sep");
            // zero-padded when either part shows a leading zero, or both are written with two digits
            boolean padded = m.group("a").startsWith("0") || m.group("b").startsWith("0")
                    || m.group("a").length() == 2 && m.group("b").length() == 2;
            boolean padA = padded;
            boolean padB = padded;
            out.add(new Found(m.start(), m.end(), d, x -> {
                int first = monthFirst ? x.getMonthValue() : x.getDayOfMonth();
                int second = monthFirst ? x.getDayOfMonth() : x.getMonthValue();
                return pad(first, padA) + sep + pad(second, padB) + sep + x.getYear();
            }));
        }
        for (Pattern p : List.of(DAY_MONTH, MONTH_DAY)) {
            m = p.matcher(text);
            while (m.find()) {
                if (overlaps(out, m.start(), m.end())) {
                    continue;
                }
                Month month = month(m.group("month"));
                LocalDate d;
                try {
                    d = LocalDate.of(Integer.parseInt(m.group("y")), month, Integer.parseInt(m.group("d")));
                } catch (DateTimeException e) {
                    continue;
                }
                String monthWritten = m.group("month");
                boolean dot = m.group().contains(monthWritten + ".");
                boolean suffix = m.group("suffix") != null;
                boolean padD = m.group("d").startsWith("0");
                String of = group(m, "of");
                String comma = m.group("comma");
                boolean dayFirst = p == DAY_MONTH;
                String between1 = between(m, dayFirst);
                String between2 = m.group().substring(m.group().lastIndexOf(' ') == -1 ? 0 : m.group().lastIndexOf(' '),
                        m.group().length() - m.group("y").length());
                out.add(new Found(m.start(), m.end(), d, x -> {
                    String day = pad(x.getDayOfMonth(), padD) + (suffix ? ordinal(x.getDayOfMonth()) : "");
                    String mon = monthLike(x.getMonth(), monthWritten) + (dot ? "." : "");
                    return dayFirst
                            ? day + of + between1 + mon + comma + between2 + x.getYear()
                            : mon + between1 + day + comma + between2 + x.getYear();
                }));
            }
        }
        for (Pattern p : List.of(DAY_MONTH_NO_YEAR, MONTH_DAY_NO_YEAR)) {
            m = p.matcher(text);
            while (m.find()) {
                if (overlaps(out, m.start(), m.end())) {
                    continue;
                }
                Month month = month(m.group("month"));
                int day = Integer.parseInt(m.group("d"));
                if (day < 1 || day > month.length(false)) {
                    continue;
                }
                LocalDate d = LocalDate.of(NO_YEAR, month, day);
                String monthWritten = m.group("month");
                boolean dot = m.group().contains(monthWritten + ".");
                boolean suffix = m.group("suffix") != null;
                boolean padD = m.group("d").startsWith("0");
                String of = group(m, "of");
                boolean dayFirst = p == DAY_MONTH_NO_YEAR;
                String gap = between(m, dayFirst);
                out.add(new Found(m.start(), m.end(), d, x -> {
                    long offset = x.toEpochDay() - LocalDate.of(NO_YEAR, 1, 1).toEpochDay();
                    LocalDate y = LocalDate.ofYearDay(NO_YEAR, (int) Math.floorMod(offset, 365L) + 1);
                    String dd = pad(y.getDayOfMonth(), padD) + (suffix ? ordinal(y.getDayOfMonth()) : "");
                    String mon = monthLike(y.getMonth(), monthWritten) + (dot ? "." : "");
                    return dayFirst ? dd + of + gap + mon : mon + gap + dd;
                }));
            }
        }
        out.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return out;
    }

    /** The whitespace between the first two parts, as written. */
    private static String between(Matcher m, boolean dayFirst) {
        String s = m.group();
        if (dayFirst) {
            int afterDay = m.end("d") - m.start() + group(m, "suffix").length() + group(m, "of").length();
            return s.substring(afterDay, m.start("month") - m.start());
        }
        int afterMonth = m.end("month") - m.start();
        if (afterMonth < s.length() && s.charAt(afterMonth) == '.') {
            afterMonth++;
        }
        return s.substring(afterMonth, m.start("d") - m.start());
    }

    private static String group(Matcher m, String name) {
        try {
            String g = m.group(name);
            return g == null ? "" : g;
        } catch (IllegalArgumentException e) {
            return ""; // the pattern has no such group
        }
    }

    private static boolean overlaps(List<Found> found, int start, int end) {
        return found.stream().anyMatch(f -> f.start() < end && start < f.end());
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static String pad(int v, boolean pad) {
        return pad && v < 10 ? "0" + v : String.valueOf(v);
    }

    private static String ordinal(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static Month month(String written) {
        String w = written.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month mo : Month.values()) {
            if (mo.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(w)) {
                return mo;
            }
        }
        throw new IllegalArgumentException("not a month");
    }

    /** Another month written the way {@code example} is: full or short, and the same capitalisation. */
    private static String monthLike(Month month, String example) {
        String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String lower = example.toLowerCase(Locale.ROOT);
        String name;
        if (lower.equals("sept")) {
            name = month == Month.SEPTEMBER ? "Sept" : full.substring(0, 3);
        } else if (lower.length() > 3 || lower.equals("may")) {
            name = full; // "May" is read as the full name, the commoner writing
        } else {
            name = full.substring(0, 3);
        }
        if (example.equals(example.toUpperCase(Locale.ROOT))) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (example.equals(example.toLowerCase(Locale.ROOT))) {
            return name.toLowerCase(Locale.ROOT);
        }
        return name;
    }
}
