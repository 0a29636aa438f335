-- Full-text search in the languages Cercle's members write. Each language gets its own
-- configuration so the snowball stemmer of that language applies; accents are folded
-- (unaccent) where the language allows it. Arabic and Hindi keep their marks: the Arabic
-- stemmer already folds hamza forms and diacritics itself.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION cercle_english (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION cercle_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION cercle_french (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION cercle_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION cercle_russian (COPY = russian);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION cercle_russian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, russian_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION cercle_arabic (COPY = arabic);--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION cercle_hindi (COPY = hindi);--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION cercle_simple (COPY = simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION cercle_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;--> statement-breakpoint
-- Arabic writers often end a word with ه where ة is meant (المدرسه / المدرسة), and with ى or ي
-- interchangeably (مبنى / مبني). The stemmer strips ة and ي but keeps ه and ى, so both spellings
-- are brought to ة and ي before stemming, in documents and queries alike; but not the ه of ـته
-- ("his": خبرته), which the stemmer strips as it is.
CREATE FUNCTION cercle_search_text(body text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN regexp_replace(regexp_replace(body, 'ى(?![\u0600-\u06FF])', 'ي', 'g'), '(?<!ت)ه(?![\u0600-\u06FF])', 'ة', 'g');
