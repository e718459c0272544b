-- The database queues every annotation whose counted facts may have changed (V30,
-- io.gloss.stats.StatsCounter), whatever wrote it; H2 runs the trigger as a Java class, which
-- keeps to the same rules as PostgreSQL's (db/postgresql/V31).
create trigger stats_annotation_changed after insert, update, delete on annotation
    for each row call 'io.gloss.stats.StatsQueueTrigger';
create trigger stats_transition_changed after insert, update, delete on annotation_transition
    for each row call 'io.gloss.stats.StatsQueueTrigger';
create trigger stats_article_changed after update on article
    for each row call 'io.gloss.stats.StatsQueueTrigger';
