-- Search ignores accents and case (SPEC §1): unaccent + lower, indexed with trigrams.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change); naming the dictionary makes the
-- result fixed, which generated columns and indexes require.
CREATE OR REPLACE FUNCTION circulo_normalize(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION circulo_contact_search_text(
  first_name text, last_name text, display_name text, company text, title text, tags text[], notes text
) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT circulo_normalize(concat_ws(' ', first_name, last_name, display_name, company, title,
        array_to_string(tags, ' '), notes)) $$;
