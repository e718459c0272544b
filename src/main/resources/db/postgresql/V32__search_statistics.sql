-- The planner's word statistics for search (V29): PostgreSQL keeps the most common words of a
-- tsvector column and guesses the rest, at the default target about 0.5 % of the rows. For a
-- word in 14 of 50,000 articles it then walked the articles newest first, reading each one's
-- vector (2.9 s), instead of asking the GIN index (0.2 ms): with a target of 1,000 it keeps
-- about 1,700 words and guesses the rest far lower (docs/benchmarks.md). Analysed now, so the
-- upgrade does not wait for autovacuum.
alter table article alter column search_vector set statistics 1000;
alter table annotation alter column search_vector set statistics 1000;
analyze article;
analyze annotation;
