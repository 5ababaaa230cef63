package dev.medi.patient.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Front-desk search in native SQL, in two steps (see V3__patient_search.sql for the tables):
 *
 * <ol>
 *   <li>{@link #matchWords}: the query is normalised like stored names and split into words; each word is
 *       matched against the vocabulary of name words, scored 1 for the same word, 0.6–1 for a word it
 *       begins (longer prefixes score higher), 0.75 for the same letters in another order ("jhon"),
 *       0.9 × trigram similarity for typos ("schmitt" / "schmidt").</li>
 *   <li>{@link #rank}: patients having a matching word for <em>every</em> query word, scored by the mean of
 *       their best word scores minus 0.02 per extra name word (so "Anna Schmitt" ranks above "Anna Maria
 *       Schmitt" for "anna schmitt"); an exact MRN or identifier match in the query ranks first (tier 0).
 *       Order: tier, score descending, id — the keyset of the pagination.</li>
 * </ol>
 */
@ApplicationScoped
public class PatientSearchRepository {

    /** A vocabulary word matching query word number {@code token}. */
    public record WordMatch(int token, String word, double score) {
    }

    /** The query's words (after normalisation, at least two characters) and their vocabulary matches. */
    public record TokenMatches(int tokens, List<WordMatch> matches) {

        /** True if every query word matched some name word (otherwise no patient can match by name). */
        public boolean everyTokenMatched() {
            return tokens > 0 && matches.stream().map(WordMatch::token).distinct().count() == tokens;
        }
    }

    /** Where a page ends: the keyset of its last hit. */
    public record Position(int tier, double score, UUID id) {
    }

    /**
     * What to find. All given criteria must hold.
     *
     * @param names          name matches, or {@code null} without a name query
     * @param exactMrn       an MRN found in the query text (ranks first), or {@code null}
     * @param exactValue     the query text, matched exactly against identifier values (ranks first), or {@code null}
     * @param birthDate      filter, or {@code null}
     * @param phone          normalised phone filter, or {@code null}
     * @param mrn            MRN filter, or {@code null}
     */
    public record RankQuery(TokenMatches names, String exactMrn, String exactValue, LocalDate birthDate, String phone,
                            String mrn, AccessScope scope, Position after, int limit) {
    }

    /** One result: the patient, its tier (0 exact, 1 by name or filters), score, and the access basis. */
    public record Hit(UUID id, int tier, double score, String basis) {
    }

    private static final String MATCH_WORDS = """
            with tokens as (
              select (row_number() over (order by min(x.ord)))::int - 1 as i, x.t, patient_letter_key(x.t) as letters
                from regexp_split_to_table(patient_normalise(?1), ' ') with ordinality as x(t, ord)
               where length(x.t) >= 2
               group by x.t
               order by min(x.ord)
               limit ?2)
            select tokens.i, m.word, m.s
              from tokens left join lateral (
                select word, s from (
                  select w.word,
                         greatest(case when w.word = tokens.t then 1.0
                                       when left(w.word, length(tokens.t)) = tokens.t
                                           then 0.6 + 0.4 * length(tokens.t) / length(w.word)
                                       else 0 end,
                                  case when w.letters = tokens.letters then 0.75 else 0 end,
                                  0.9 * similarity(tokens.t, w.word))::float8 as s
                    from (select word, letters from patient_name_words where word like tokens.t || '%'
                          union select word, letters from patient_name_words where word % tokens.t
                          union select word, letters from patient_name_words where letters = tokens.letters) w) scored
                 where s >= ?3
                 order by s desc, word
                 limit ?4) m on true
             order by tokens.i, m.s desc""";

    /**
     * Step 1: the query's words and the name words they match.
     *
     * @param wordSimilarity minimum trigram similarity of a typo (effective from 0.3, pg_trgm's index threshold)
     */
    public Uni<TokenMatches> matchWords(String query, int maxTokens, int maxWordsPerToken, double wordSimilarity) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(MATCH_WORDS, Object[].class)
                        .setParameter(1, query)
                        .setParameter(2, maxTokens)
                        .setParameter(3, 0.9 * wordSimilarity)
                        .setParameter(4, maxWordsPerToken)
                        .getResultList())
                .map(rows -> {
                    int tokens = 0;
                    List<WordMatch> matches = new ArrayList<>();
                    for (Object[] row : rows) {
                        int token = ((Number) row[0]).intValue();
                        tokens = Math.max(tokens, token + 1);
                        if (row[1] != null) {
                            matches.add(new WordMatch(token, (String) row[1], ((Number) row[2]).doubleValue()));
                        }
                    }
                    return new TokenMatches(tokens, matches);
                });
    }

    /** Step 2: one page of hits, best first. */
    public Uni<List<Hit>> rank(RankQuery query) {
        NativeSql sql = new NativeSql();
        List<String> ctes = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        boolean byName = query.names() != null && query.names().everyTokenMatched();
        if (byName) {
            int tokens = query.names().tokens();
            List<WordMatch> matches = query.names().matches();
            // arrays, not one placeholder per word: the statement text stays the same for every query with this
            // many words, so the connection's prepared statement is reused
            ctes.add("matched(i, word, s) as (select * from unnest(" + array(sql.param(arrayLiteral(matches, m -> m.token())), "int")
                    + ", " + array(sql.param(arrayLiteral(matches, WordMatch::word)), "text") + ", "
                    + array(sql.param(arrayLiteral(matches, m -> m.score())), "float8") + "))");
            ctes.add("""
                    hits as (
                      select n.patient_id, m.i, max(m.s) as s, max(n.word_count) as words
                        from matched m join patient_name_terms n on n.word = m.word
                       group by n.patient_id, m.i)""");
            ctes.add("""
                    named as (
                      select patient_id as id, 1 as tier,
                             sum(s) / %1$d - cast(0.02 as float8) * greatest(max(words) - %1$d, 0) as score
                        from hits group by patient_id having count(*) = %1$d)""".formatted(tokens));
            sources.add("select id, tier, score from named");
        }
        if (query.exactMrn() != null) {
            sources.add("select id, 0 as tier, cast(1 as float8) as score from patients where status = 'active' and mrn = "
                    + sql.param(query.exactMrn()));
        }
        if (query.exactValue() != null) {
            sources.add("select patient_id as id, 0 as tier, cast(1 as float8) as score from patient_identifiers where value = "
                    + sql.param(query.exactValue()));
        }
        boolean nameQuery = query.names() != null || query.exactMrn() != null || query.exactValue() != null;
        if (nameQuery && sources.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (nameQuery) {
            ctes.add("found as (select distinct on (id) id, tier, score from (" + String.join(" union all ", sources)
                    + ") f order by id, tier, score desc)");
        }

        String basis;
        List<String> conditions = new ArrayList<>(List.of("p.status = 'active'"));
        basis = query.scope().basis("p.id", sql::param);
        if (query.scope().restricts()) {
            conditions.add(query.scope().visible("p.id", sql::param));
        }
        if (query.birthDate() != null) {
            conditions.add("p.birth_date = " + sql.param(query.birthDate()));
        }
        if (query.phone() != null) {
            conditions.add("p.phone_normalised = " + sql.param(query.phone()));
        }
        if (query.mrn() != null) {
            conditions.add("p.mrn = " + sql.param(query.mrn()));
        }
        String tier = nameQuery ? "f.tier" : "1";
        String score = nameQuery ? "f.score" : "cast(0 as float8)";
        String keyset = query.after() == null ? null
                : "(" + tier + ", -" + score + ", %s) > (" + sql.param(query.after().tier()) + ", "
                + sql.param(-query.after().score()) + ", " + sql.param(query.after().id()) + ")";
        if (nameQuery && conditions.size() == 1 && !query.scope().restricts()) {
            // Every source holds active patients only (name index and identifiers are kept for active records,
            // the MRN branch checks): rank and cut the page first, without visiting the candidates' rows.
            sql.append("with " + String.join(",\n", ctes) + "\n")
                    .append("select f.id, f.tier, f.score, " + basis + " as basis\n")
                    .append("  from found f\n")
                    .append(keyset == null ? "" : " where " + keyset.formatted("f.id") + "\n")
                    .append(" order by f.tier, f.score desc, f.id\n")
                    .appendParam(" limit ", query.limit());
        } else {
            if (keyset != null) {
                conditions.add(keyset.formatted("p.id"));
            }
            sql.append(ctes.isEmpty() ? "" : "with " + String.join(",\n", ctes) + "\n")
                    .append("select p.id, " + tier + " as tier, " + score + " as score, " + basis + " as basis\n")
                    .append("  from " + (nameQuery ? "found f join patients p on p.id = f.id" : "patients p") + "\n")
                    .append(" where " + String.join("\n   and ", conditions) + "\n")
                    .append(" order by " + (nameQuery ? "f.tier, f.score desc, p.id" : "p.id") + "\n")
                    .appendParam(" limit ", query.limit());
        }
        return sql.list(Object[].class)
                .map(rows -> rows.stream().map(row -> new Hit((UUID) row[0], ((Number) row[1]).intValue(),
                ((Number) row[2]).doubleValue(), (String) row[3])).toList());
    }

    /**
     * A PostgreSQL array literal, every element quoted: {@code {"a","b"}}. (Bound as text and cast in SQL, which
     * works for every element type; doubles print in their shortest exact form, so scores survive the round trip.)
     */
    static <T> String arrayLiteral(List<T> values, java.util.function.Function<T, Object> element) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            String text = String.valueOf(element.apply(values.get(i)));
            literal.append(i == 0 ? "" : ",").append('"')
                    .append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    /** {@code placeholder} (a text parameter holding an array literal) as an array of {@code type}. */
    private static String array(String placeholder, String type) {
        // the inner cast makes the parameter text: the client then sends the literal as it is
        return "cast(cast(" + placeholder + " as text) as " + type + "[])";
    }
}
