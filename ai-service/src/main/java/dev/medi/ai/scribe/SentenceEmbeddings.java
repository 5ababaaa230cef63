package dev.medi.ai.scribe;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sentence embeddings from the quantised all-MiniLM-L6-v2 model that ships inside its Maven artifact (nothing is
 * downloaded). The model is loaded once per JVM, on first use, and is thread-safe.
 */
@ApplicationScoped
public class SentenceEmbeddings {

    /** The model's name as recorded with every output. */
    public static final String MODEL = "all-minilm-l6-v2-q";

    private static final class Holder {
        static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** The unit-length embedding of a text. */
    public float[] embed(String text) {
        Embedding e = Holder.MODEL.embed(text == null || text.isBlank() ? " " : text).content();
        return normalise(e.vector());
    }

    /** Cosine similarity of two texts. */
    public double similarity(String a, String b) {
        return cosine(embed(a), embed(b));
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
