-- Front-desk search by name: case-, accent- and punctuation-insensitive, tolerant of typos.
--
-- Names are normalised in the database (one definition for stored names and for queries): unaccent,
-- lower case, apostrophes dropped ("O'Brien" -> "obrien"), other non-alphanumerics become spaces. unaccent()
-- is only STABLE (its dictionary could change), so it is wrapped in IMMUTABLE functions, which lets
-- generated columns and indexes use it; the dictionary is named with its schema so the result does not
-- depend on search_path.
--
-- Matching works on words (see PatientSearchRepository): each query word is first matched against the
-- vocabulary of all name words (patient_name_words: exact, prefix, trigram similarity through a GIN
-- trigram index, and same letters for transpositions like "jhon"), then patients are found through an
-- inverted index (patient_name_terms, word -> patient, index-only scans). Scoring per patient row with
-- trigram functions was measured first and was too slow for common names (benchmarks/search.md).

create function patient_normalise(value text) returns text
    language sql immutable parallel safe strict
    as $$ select btrim(regexp_replace(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)),
                                                     '[''’`´]', '', 'g'), '[^[:alnum:]]+', ' ', 'g')) $$;

-- Given names, then the family name, normalised.
create function patient_search_name(family text, given text[]) returns text
    language sql immutable parallel safe
    as $$ select patient_normalise(coalesce(array_to_string(given, ' '), '') || ' ' || coalesce(family, '')) $$;

-- The distinct words of a normalised name.
create function patient_words(normalised text) returns text[]
    language sql immutable parallel safe
    as $$ select coalesce(array_agg(distinct w order by w), '{}')
            from regexp_split_to_table(coalesce(normalised, ''), ' ') w where w <> '' $$;

-- A word's letters in sorted order: equal for "john" and "jhon" (transposed letters).
create function patient_letter_key(word text) returns text
    language sql immutable parallel safe strict
    as $$ select string_agg(c, '' order by c collate "C") from regexp_split_to_table(word, '') c $$;

alter table patients
    add column search_name text generated always as (patient_search_name(family_name, given_names)) stored,
    add column search_words text[] generated always as (patient_words(patient_search_name(family_name, given_names))) stored;

-- Every name word ever stored, for fuzzy matching of query words.
create table patient_name_words (
    word    text primary key,
    letters text not null
);
create index patient_name_words_trgm_idx on patient_name_words using gin (word gin_trgm_ops);
create index patient_name_words_prefix_idx on patient_name_words (word text_pattern_ops);
create index patient_name_words_letters_idx on patient_name_words (letters);

-- word -> active patient: the inverted index the ranking reads (covering, so index-only scans).
create table patient_name_terms (
    word       text     not null,
    patient_id uuid     not null references patients (id),
    word_count smallint not null,
    constraint patient_name_terms_pkey primary key (word, patient_id) include (word_count)
);
create index patient_name_terms_patient_idx on patient_name_terms (patient_id);

create function patient_name_index_sync() returns trigger language plpgsql as $$
begin
    insert into patient_name_words (word, letters)
    select distinct w, patient_letter_key(w) from changed, unnest(changed.search_words) w
    on conflict (word) do nothing;
    if tg_op = 'UPDATE' then
        delete from patient_name_terms where patient_id in (select id from changed);
    end if;
    insert into patient_name_terms (word, patient_id, word_count)
    select w, c.id, cardinality(c.search_words) from changed c, unnest(c.search_words) w
     where c.status = 'active';
    return null;
end $$;

create trigger patients_name_index_insert after insert on patients
    referencing new table as changed for each statement execute function patient_name_index_sync();
create trigger patients_name_index_update after update on patients
    referencing new table as changed for each statement execute function patient_name_index_sync();
