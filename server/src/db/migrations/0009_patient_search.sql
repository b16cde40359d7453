-- Staff patient search at scale (SPEC §6: p95 ≤ 20 ms with 100k patients).
--
-- Measured with EXPLAIN ANALYZE on 100k generated charts: ranking every trigram candidate by
-- word_similarity() costs ~20–40 µs a row, so a common name ("maria": ~6,000 candidates) took
-- 250 ms–2 s, and a partial phone number (`phone_digits LIKE '%4182533'`) scanned the table.
-- Names are now matched word by word as prefixes through a full-text index and sorted by name
-- (a btree walk in name order was tried and rejected: names that sort late, "Zúñiga", made it
-- read most of the index); typos are corrected against the small dictionary of name words
-- below instead of against every chart.

-- "maria garc" → 'maria':* & 'garc':* over the words of the normalised name (accents and
-- punctuation gone). Stored, not an expression index: rechecking an expression index
-- recomputes to_tsvector() for every candidate row, which measured 3–4× slower.
ALTER TABLE patients ADD COLUMN search_words tsvector GENERATED ALWAYS AS (
  to_tsvector('simple'::regconfig, portico_normalize_text(legal_given_name || ' ' || legal_family_name || ' ' || coalesce(preferred_name, '')))
) STORED;
CREATE INDEX patients_search_words_idx ON patients USING gin (search_words);

-- A phone number typed without its area code: the last seven digits.
CREATE INDEX patients_phone_local_idx ON patients (right(phone_digits, 7));

-- Every word that occurs in a patient's normalised name, for correcting typos ("garsia" →
-- "garcia") by trigram similarity over a few thousand words rather than 100k names. Words are
-- only added: a word no chart uses any more finds nothing, which is harmless.
CREATE TABLE patient_name_words (
  word text PRIMARY KEY
);
CREATE INDEX patient_name_words_trgm_idx ON patient_name_words USING gin (word gin_trgm_ops);

CREATE FUNCTION portico_collect_name_words() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO patient_name_words (word)
  SELECT DISTINCT w FROM unnest(string_to_array(NEW.search_name, ' ')) AS w
  WHERE length(w) >= 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

-- AFTER: the generated search_name is computed by then.
CREATE TRIGGER patients_collect_name_words
AFTER INSERT OR UPDATE OF legal_given_name, legal_family_name, preferred_name ON patients
FOR EACH ROW EXECUTE FUNCTION portico_collect_name_words();

INSERT INTO patient_name_words (word)
SELECT DISTINCT w FROM patients, unnest(string_to_array(search_name, ' ')) AS w
WHERE length(w) >= 2
ON CONFLICT DO NOTHING;

ANALYZE patients;
