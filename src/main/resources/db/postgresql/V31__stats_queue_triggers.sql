-- The database queues every annotation whose counted facts may have changed (V30,
-- io.gloss.stats.StatsCounter), whatever wrote it: the application, a bulk update, a restore.
create function stats_queue_annotation() returns trigger language plpgsql as $$
begin
    insert into stats_queue (annotation_id) values (case when tg_op = 'DELETE' then old.id else new.id end);
    return null;
end
$$;
create trigger stats_annotation_written after insert or delete on annotation
    for each row execute function stats_queue_annotation();
-- Only a change of what is counted: not an edit of the quote or the search words' backfill.
create trigger stats_annotation_changed after update on annotation for each row
    when (old.status is distinct from new.status or old.label_id is distinct from new.label_id
          or old.deleted_at is distinct from new.deleted_at or old.author is distinct from new.author
          or old.created_at is distinct from new.created_at or old.article_id is distinct from new.article_id
          or old.project_id is distinct from new.project_id)
    execute function stats_queue_annotation();

create function stats_queue_transition() returns trigger language plpgsql as $$
begin
    insert into stats_queue (annotation_id)
        values (case when tg_op = 'DELETE' then old.annotation_id else new.annotation_id end);
    return null;
end
$$;
create trigger stats_transition_written after insert or update or delete on annotation_transition
    for each row execute function stats_queue_transition();

-- An article retired or brought back takes its annotations out of the counts or back in.
create function stats_queue_article() returns trigger language plpgsql as $$
begin
    insert into stats_queue (annotation_id) select id from annotation where article_id = new.id;
    return null;
end
$$;
create trigger stats_article_retired after update on article for each row
    when (old.retired_at is distinct from new.retired_at)
    execute function stats_queue_article();

-- The statistics' backlog: since when the oldest span waiting for a decision has waited, read as
-- the first row along this index (io.gloss.stats.StatsQueries.oldestSubmitted). The review queue's
-- index cannot give that order: PostgreSQL does not take "deleted_at is null" as fixing a column
-- of an index's order, so it read every waiting span (225 ms for 600,000; 0.1 ms along this one).
create index ix_annotation_oldest_submitted on annotation (project_id, status_changed_at)
    where status = 'SUBMITTED' and deleted_at is null;
