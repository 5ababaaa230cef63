package dev.medi.ai.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Loads the committed evaluation set and its recorded minimum figures from the test classpath. */
public final class EvaluationSet {

    static final String DIRECTORY = "eval/consultations";
    static final String MINIMUMS = "eval/minimums.properties";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private EvaluationSet() {
    }

    /** Every consultation of the set, in file-name order. */
    public static List<Consultation> load() {
        URL url = Thread.currentThread().getContextClassLoader().getResource(DIRECTORY);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("The evaluation set " + DIRECTORY
                    + " is not on the test classpath as a directory (run from ai-service's test classes).");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<Path> paths = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            List<Consultation> out = new ArrayList<>();
            for (Path p : paths) {
                out.add(JSON.readValue(p.toFile(), Consultation.class));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The minimum figures CI enforces for the offline engine (maximum for the false-flag rate). */
    public static Properties minimums() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(MINIMUMS)) {
            if (in == null) {
                throw new IllegalStateException(MINIMUMS + " is missing");
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
