package dev.medi.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the services themselves measured during a run: two scrapes of a Prometheus endpoint (before and
 * after), and per histogram the difference — count, mean, and percentiles as the upper bound of the bucket
 * they fall in (Micrometer's buckets grow by about a third, so "≤ 0.0447 s" is as precise as it gets).
 * Recorded next to Gatling's figures; a missing endpoint just gives "not scraped".
 */
final class PrometheusDelta {

    private final Map<String, Double> before;
    private final Map<String, Double> after;

    private PrometheusDelta(Map<String, Double> before, Map<String, Double> after) {
        this.before = before;
        this.after = after;
    }

    /** Parses the text format: {@code name{labels} value}; comments and malformed lines are skipped. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        if (text == null) {
            return samples;
        }
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int split = line.lastIndexOf(' ');
            if (split <= 0) {
                continue;
            }
            try {
                samples.put(line.substring(0, split).trim(), Double.parseDouble(line.substring(split + 1).trim()));
            } catch (NumberFormatException e) {
                // e.g. a timestamp after the value; not produced by Micrometer
            }
        }
        return samples;
    }

    static PrometheusDelta of(String before, String after) {
        return before == null || after == null ? null : new PrometheusDelta(parse(before), parse(after));
    }

    /**
     * One line about a histogram family ({@code medi_fanout_lag_seconds}) over the series whose labels contain
     * every one of {@code labelParts} (e.g. {@code uri="/api/v1/queues/{departmentId}/check-ins"}).
     */
    String histogram(String family, String... labelParts) {
        double count = delta(family + "_count", labelParts);
        if (count <= 0) {
            return "no samples";
        }
        double sum = delta(family + "_sum", labelParts);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "n=%.0f mean=%s", count, millis(sum / count)));
        TreeMap<Double, Double> buckets = buckets(family + "_bucket", labelParts);
        if (!buckets.isEmpty()) {
            for (double q : new double[] {0.50, 0.95, 0.99}) {
                line.append(String.format(Locale.ROOT, " p%.0f≤%s", q * 100, millis(quantile(buckets, count, q))));
            }
        }
        return line.toString();
    }

    /** The increase of a counter (summed over matching series). */
    double counter(String name, String... labelParts) {
        return delta(name, labelParts);
    }

    /** A gauge's value at the second scrape (summed over matching series). */
    double gaugeAfter(String name, String... labelParts) {
        return sum(after, name, labelParts);
    }

    private double delta(String name, String... labelParts) {
        return sum(after, name, labelParts) - sum(before, name, labelParts);
    }

    private static double sum(Map<String, Double> samples, String name, String... labelParts) {
        double total = 0;
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            if (matches(sample.getKey(), name, labelParts)) {
                total += sample.getValue();
            }
        }
        return total;
    }

    /** Cumulative bucket counts by upper bound ({@code le}), as differences between the scrapes. */
    private TreeMap<Double, Double> buckets(String name, String... labelParts) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Map.Entry<String, Double> sample : after.entrySet()) {
            if (!matches(sample.getKey(), name, labelParts)) {
                continue;
            }
            Double le = le(sample.getKey());
            if (le != null) {
                double earlier = before.getOrDefault(sample.getKey(), 0.0);
                buckets.merge(le, sample.getValue() - earlier, Double::sum);
            }
        }
        return buckets;
    }

    private static double quantile(TreeMap<Double, Double> cumulative, double count, double q) {
        double rank = Math.ceil(q * count);
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static boolean matches(String series, String name, String... labelParts) {
        int brace = series.indexOf('{');
        String seriesName = brace < 0 ? series : series.substring(0, brace);
        if (!seriesName.equals(name)) {
            return false;
        }
        for (String part : labelParts) {
            if (!series.contains(part)) {
                return false;
            }
        }
        return true;
    }

    private static Double le(String series) {
        int at = series.indexOf("le=\"");
        if (at < 0) {
            return null;
        }
        String value = series.substring(at + 4, series.indexOf('"', at + 4));
        return value.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value);
    }

    private static String millis(double seconds) {
        return Double.isInfinite(seconds) ? "+Inf" : String.format(Locale.ROOT, "%.1fms", seconds * 1000);
    }

    /** Scrapes the gateway and queue-service now; call {@link Scrape#finish} after the run. */
    static Scrape start(MediApi api) {
        return new Scrape(api, api.text(LoadSettings.gatewayMetrics()), api.text(LoadSettings.queueMetrics()));
    }

    /** The first scrape of both services, waiting for the second. */
    static final class Scrape {
        private final MediApi api;
        private final String gatewayBefore;
        private final String queueBefore;

        private Scrape(MediApi api, String gatewayBefore, String queueBefore) {
            this.api = api;
            this.gatewayBefore = gatewayBefore;
            this.queueBefore = queueBefore;
        }

        /** Second scrape: the gateway's and queue-service's figures for the run ({@code null} where not reachable). */
        List<PrometheusDelta> finish() {
            List<PrometheusDelta> deltas = new ArrayList<>();
            deltas.add(of(gatewayBefore, api.text(LoadSettings.gatewayMetrics())));
            deltas.add(of(queueBefore, api.text(LoadSettings.queueMetrics())));
            return deltas;
        }
    }
}
