-- Extensions the schema relies on: citext (case-insensitive e-mails and slugs),
-- pg_trgm (fuzzy search in the question bank), btree_gist (exclusion constraints
-- that make double-booking impossible). PGlite loads the same three.
CREATE EXTENSION IF NOT EXISTS citext;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
