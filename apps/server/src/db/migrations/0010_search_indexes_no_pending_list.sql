-- The question bank's search indexes take new rows straight into the index
-- instead of a pending list: embedded PGlite runs no autovacuum, so a pending
-- list would only be merged when it outgrows gin_pending_list_limit, and every
-- search until then scans it (bench/search.bench.ts: PGlite p50 779 ms → 44 ms on
-- 10,000 problems). Problems are written rarely; searches are constant.
ALTER INDEX "problems_search_title_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "problems_search_document_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "problems_tags_idx" SET (fastupdate = off);
