-- A retired label (issue 18): existing spans keep it, new spans cannot take it; it leaves the
-- palette and frees its shortcut. Null while the label is in use.
alter table label add column retired_at timestamp(6) with time zone;
